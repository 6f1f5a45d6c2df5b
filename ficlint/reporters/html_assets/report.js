// ficlint HTML report: popovers, filters, keyboard navigation, rule explanations.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("ficlint-data").textContent);
  const findings = data.findings;
  const rules = data.rules;
  const marks = Array.from(document.querySelectorAll("mark.hl"));
  const popover = document.getElementById("popover");
  const dialog = document.getElementById("rule-doc");
  const position = document.getElementById("position");
  let current = -1;

  const hidden = new Set();
  let ruleFilter = "";

  function visible(f) { return !hidden.has(f.category) && (!ruleFilter || f.rule === ruleFilter); }
  function visibleIds() { return findings.filter(visible).map(f => f.id); }
  function idsOf(mark) { return mark.dataset.f.split(" ").map(Number); }

  function applyFilters() {
    for (const mark of marks) {
      const shown = idsOf(mark).some(id => visible(findings[id]));
      mark.classList.toggle("filtered", !shown);
      mark.tabIndex = shown ? 0 : -1;
    }
    document.getElementById("total").textContent = visibleIds().length;
    position.textContent = "–";
  }

  function text(tag, content, cls) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  function showPopover(mark) {
    const ids = idsOf(mark).filter(id => visible(findings[id]));
    if (!ids.length) return;
    popover.replaceChildren();
    for (const id of ids) {
      const f = findings[id];
      const box = document.createElement("div");
      box.append(text("div", `${f.rule} ${f.name} · ${f.category}`, "rule"), text("div", f.message));
      if (f.fix) {
        const safety = f.fix.safe ? "" : " (check before applying)";
        box.append(text("div", `Fix: “${f.fix.before}” → “${f.fix.after}”${safety}`, "fix"));
      }
      const explain = text("button", "Explain this rule");
      explain.type = "button";
      explain.addEventListener("click", () => explainRule(f.rule));
      box.append(explain);
      popover.append(box);
    }
    popover.hidden = false;
    place(popover, mark.getBoundingClientRect());
  }

  // Below the marked words (above them when there is no room below), and always
  // inside the window, however narrow: a phone is 360-430 px wide.
  function place(box, r) {
    const margin = 8, gap = 6;
    box.style.left = "0px";
    const width = box.offsetWidth, height = box.offsetHeight;
    const viewWidth = document.documentElement.clientWidth, viewHeight = window.innerHeight;
    const left = Math.max(margin, Math.min(r.left, viewWidth - width - margin));
    const roomBelow = r.bottom + gap + height <= viewHeight - margin;
    const top = roomBelow || r.top - gap - height < margin ? r.bottom + gap : r.top - gap - height;
    box.style.left = `${window.scrollX + left}px`;
    box.style.top = `${window.scrollY + top}px`;
  }

  function explainRule(ruleId) {
    const rule = rules[ruleId];
    document.getElementById("rule-doc-title").textContent = rule ? `${ruleId} ${rule.name}` : ruleId;
    const body = document.getElementById("rule-doc-body");
    body.replaceChildren();
    if (rule) {
      body.append(text("p", rule.summary), text("h3", "Why it matters"), text("p", rule.why),
        text("h3", "Example"), text("pre", rule.bad.join("\n")), text("h3", "Use instead"), text("pre", rule.good.join("\n")));
      if (rule.fix_safety) body.append(text("h3", "Fix safety"), text("p", rule.fix_safety));
    } else {
      body.append(text("p", "No documentation is available for this rule."));
    }
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
  }

  function go(step) {
    const ids = visibleIds();
    if (!ids.length) return;
    const at = ids.indexOf(current);
    const next = ids[(at + step + ids.length) % ids.length];
    current = at === -1 && step < 0 ? ids[ids.length - 1] : next;
    document.querySelectorAll("mark.current").forEach(m => m.classList.remove("current"));
    const target = marks.filter(m => idsOf(m).includes(current));
    target.forEach(m => m.classList.add("current"));
    if (target.length) {
      const r = target[0].getBoundingClientRect();
      const header = document.querySelector("header.bar").getBoundingClientRect().bottom;
      if (r.top < header || r.bottom > window.innerHeight) target[0].scrollIntoView({ block: "center" });
      target[0].focus({ preventScroll: true });
      showPopover(target[0]);
    }
    position.textContent = `${ids.indexOf(current) + 1} / ${ids.length}`;
    try {  // the address bar links to this finding, numbered from 1 as #show= reads it
      history.replaceState(null, "", `#show=${current + 1}`);
    } catch (e) { /* a page opened where history cannot change: the link still works */ }
  }

  for (const mark of marks) {
    mark.addEventListener("mouseenter", () => showPopover(mark));
    mark.addEventListener("click", () => { current = idsOf(mark)[0]; showPopover(mark); });
    mark.addEventListener("focus", () => showPopover(mark));
  }
  document.addEventListener("click", e => {
    if (!e.target.closest("mark.hl") && !e.target.closest("#popover")) popover.hidden = true;
  });
  document.querySelectorAll("input[data-category]").forEach(box => box.addEventListener("change", () => {
    if (box.checked) hidden.delete(box.dataset.category); else hidden.add(box.dataset.category);
    applyFilters();
  }));
  document.getElementById("rule-filter").addEventListener("change", e => { ruleFilter = e.target.value; applyFilters(); });
  document.getElementById("next").addEventListener("click", () => go(1));
  document.getElementById("prev").addEventListener("click", () => go(-1));
  document.addEventListener("keydown", e => {
    if (e.target.matches("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j" || e.key === "n") { go(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { go(-1); e.preventDefault(); }
    else if (e.key === "e" && current >= 0) { explainRule(findings[current].rule); }
    else if (e.key === "Escape") { popover.hidden = true; }
  });
  // A link to one finding (report.html#show=12) opens the page on it, with its message.
  // Findings are numbered from 1, as the counter beside prev/next shows them.
  const linked = /^#show=(\d+)$/.exec(window.location.hash);
  const wanted = linked ? Number(linked[1]) - 1 : -1;
  if (findings[wanted]) {
    const ids = visibleIds();
    current = ids[ids.indexOf(wanted) - 1] ?? -1;
    go(1);
  }
  document.body.dataset.ready = "true";
})();
