// The demo page: sends the article to the public quotes API and shows the answer.
// Submitted text is only ever put into the page as text nodes, never parsed as HTML.
"use strict";

(() => {
  const PALETTE = 12; // colour classes .sp-0 … .sp-11 in demo.css
  const form = document.getElementById("attribute-form");
  const textarea = document.getElementById("article");
  const button = document.getElementById("attribute");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const highlighted = document.getElementById("highlighted");
  const speakerList = document.getElementById("speakers");
  const tip = document.getElementById("quote-tip");
  const quoteList = document.getElementById("quote-list");
  const speakerCount = document.getElementById("speaker-count");
  const copyButton = document.getElementById("copy-csv");
  const downloadButton = document.getElementById("download-json");
  let quotesById = new Map();
  let lastBody = null; // the answer shown, for Copy as CSV and Download JSON
  let asked = 0; // requests made; an answer to any but the latest is dropped

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(message, isError = false) {
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
  }

  // The API counts offsets in Unicode code points (as Python does); JavaScript strings
  // are indexed in UTF-16 units, which differ after any character outside the BMP.
  function codeUnitOffsets(text) {
    const units = [];
    let unit = 0;
    for (const ch of text) {
      units.push(unit);
      unit += ch.length;
    }
    units.push(unit);
    return (cp) => units[Math.max(0, Math.min(cp, units.length - 1))];
  }

  function colourClass(speakerIndex, speakerId) {
    return speakerId && speakerIndex.has(speakerId) ? `sp-${speakerIndex.get(speakerId) % PALETTE}` : "sp-none";
  }

  function safeToken(value) {
    return String(value || "").replace(/[^a-z]/g, "");
  }

  function makeMark(quote, first, speakerIndex) {
    const speakerId = quote.speaker ? quote.speaker.id : null;
    const mark = el("mark", `quote kind-${safeToken(quote.kind)} ${colourClass(speakerIndex, speakerId)}`);
    mark.dataset.quote = quote.id;
    if (speakerId) mark.dataset.speaker = speakerId;
    if (first) {
      mark.tabIndex = 0;
      mark.setAttribute("aria-describedby", "quote-tip");
    } else {
      mark.classList.add("continued");
    }
    return mark;
  }

  // Quotations can nest (a partial quote inside reported speech) or even cross; nested
  // ones become nested <mark>s, and a crossing one is split where its container ends.
  function renderArticle(text, quotes, speakerIndex) {
    const toUnit = codeUnitOffsets(text);
    const byOrder = (a, b) => a.start - b.start || b.end - a.end;
    const queue = quotes
      .map((quote) => ({ quote, start: toUnit(quote.start), end: toUnit(quote.end), first: true }))
      .filter((item) => item.end > item.start)
      .sort(byOrder);
    const fragment = document.createDocumentFragment();
    const stack = [{ node: fragment, end: text.length }];
    let pos = 0;
    const emit = (node, upto) => {
      if (upto > pos) {
        node.append(document.createTextNode(text.slice(pos, upto)));
        pos = upto;
      }
    };
    const close = () => {
      const top = stack.pop();
      emit(top.node, top.end);
    };
    while (queue.length) {
      const item = queue.shift();
      while (stack.length > 1 && stack[stack.length - 1].end <= item.start) close();
      const parent = stack[stack.length - 1];
      emit(parent.node, item.start);
      let end = item.end;
      if (end > parent.end) {
        queue.push({ ...item, start: parent.end, first: false });
        queue.sort(byOrder);
        end = parent.end;
      }
      const mark = makeMark(item.quote, item.first, speakerIndex);
      parent.node.append(mark);
      stack.push({ node: mark, end });
    }
    while (stack.length > 1) close();
    emit(fragment, text.length);
    highlighted.replaceChildren(fragment);
  }

  function renderSpeakers(speakers, quotes, speakerIndex) {
    const items = speakers.map((speaker) => {
      const item = el("li", "speaker");
      item.dataset.speaker = speaker.id;
      const choose = el("button", "speaker-button");
      choose.type = "button";
      choose.setAttribute("aria-pressed", "false");
      choose.append(el("span", `swatch ${colourClass(speakerIndex, speaker.id)}`));
      const body = el("span", "speaker-body");
      body.append(el("span", "speaker-name", speaker.name));
      if (speaker.role) body.append(el("span", "speaker-role", speaker.role));
      const otherRoles = (speaker.roles || []).filter((role) => role !== speaker.role);
      if (otherRoles.length) body.append(el("span", "speaker-other-roles", `also: ${otherRoles.join("; ")}`));
      const facts = el("span", "speaker-facts");
      facts.append(el("span", "speaker-kind", speaker.kind));
      facts.append(el("span", "speaker-count", plural(speaker.quotes.length, "quote")));
      if (speaker.kind === "anonymous") facts.append(el("span", "badge anonymous", "anonymous source"));
      body.append(facts);
      choose.append(body);
      choose.addEventListener("click", () => toggleSpeaker(speaker.id, choose));
      item.append(choose);
      return item;
    });
    const unattributed = quotes.filter((quote) => !quote.speaker).length;
    if (unattributed) {
      const item = el("li", "speaker unattributed");
      const body = el("span", "speaker-body");
      body.append(el("span", "speaker-name", "No speaker found"));
      body.append(el("span", "speaker-facts", plural(unattributed, "quote")));
      item.append(el("span", "swatch sp-none"), body);
      items.push(item);
    }
    if (!items.length) items.push(el("li", "speaker empty", "No speakers."));
    speakerList.replaceChildren(...items);
    speakerCount.textContent = `(${speakers.length})`;
  }

  function percent(confidence) {
    return `${Math.round(confidence * 100)}%`;
  }

  function speakerLabel(quote) {
    if (!quote.speaker) return "No speaker found";
    return quote.speaker.role ? `${quote.speaker.name} (${quote.speaker.role})` : quote.speaker.name;
  }

  // Every quotation with its speaker, role, kind and confidence in plain sight.
  function renderQuoteList(quotes, speakerIndex) {
    const items = quotes.map((quote) => {
      const item = el("li", "quote-item");
      item.dataset.quote = quote.id;
      const speakerId = quote.speaker ? quote.speaker.id : null;
      item.append(el("span", `swatch ${colourClass(speakerIndex, speakerId)}`));
      const body = el("span", "quote-body");
      body.append(el("q", "quote-words", quote.text));
      const facts = el("span", "quote-facts");
      facts.append(el("span", "quote-speaker", speakerLabel(quote)));
      facts.append(el("span", `quote-kind kind-${safeToken(quote.kind)}`, quote.kind));
      facts.append(el("span", "quote-confidence", `confidence ${percent(quote.confidence)}`));
      body.append(facts);
      item.append(body);
      return item;
    });
    if (!items.length) items.push(el("li", "quote-item empty", "No quotations."));
    quoteList.replaceChildren(...items);
    copyButton.disabled = downloadButton.disabled = !quotes.length;
  }

  const CSV_COLUMNS = ["id", "text", "kind", "confidence", "speaker", "role", "speaker_kind", "start", "end"];

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  // RFC 4180: a header row, then one row per quotation; CRLF line ends.
  function quotesCsv(quotes) {
    const rows = quotes.map((q) => [
      q.id,
      q.text,
      q.kind,
      q.confidence,
      q.speaker ? q.speaker.name : "",
      q.speaker && q.speaker.role ? q.speaker.role : "",
      q.speaker ? q.speaker.kind : "",
      q.start,
      q.end,
    ]);
    return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  async function copyCsv() {
    if (!lastBody) return;
    const csv = quotesCsv(lastBody.quotes);
    try {
      await navigator.clipboard.writeText(csv);
      setStatus(`Copied ${plural(lastBody.quotes.length, "quotation")} as CSV.`);
    } catch (error) {
      setStatus(`Could not copy to the clipboard: ${error.message}`, true);
    }
  }

  function downloadJson() {
    if (!lastBody) return;
    const blob = new Blob([JSON.stringify(lastBody, null, 2) + "\n"], { type: "application/json" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${lastBody.id || "quotes"}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // Nothing from an earlier answer stays on the page once a new one is asked for.
  function clearResults() {
    lastBody = null;
    quotesById = new Map();
    hideTip();
    results.hidden = true;
    highlighted.replaceChildren();
    speakerList.replaceChildren();
    quoteList.replaceChildren();
    speakerCount.textContent = "";
  }

  function toggleSpeaker(speakerId, choose) {
    const on = choose.getAttribute("aria-pressed") !== "true";
    for (const other of speakerList.querySelectorAll(".speaker-button")) other.setAttribute("aria-pressed", "false");
    choose.setAttribute("aria-pressed", String(on));
    highlighted.classList.toggle("filtering", on);
    for (const mark of highlighted.querySelectorAll("mark.quote")) {
      mark.classList.toggle("chosen", on && mark.dataset.speaker === speakerId);
    }
  }

  function showTip(mark) {
    const quote = quotesById.get(mark.dataset.quote);
    if (!quote) return;
    const rows = [
      ["Speaker", quote.speaker ? `${quote.speaker.name} (${quote.speaker.kind})` : "none found"],
      ["Role", quote.speaker && quote.speaker.role ? quote.speaker.role : "—"],
      ["Kind", `${quote.kind} quotation`],
      ["Cue", quote.cue ? quote.cue.text : "—"],
      ["Confidence", percent(quote.confidence)],
    ];
    const list = el("dl");
    for (const [name, value] of rows) list.append(el("dt", null, name), el("dd", null, value));
    tip.replaceChildren(list);
    tip.hidden = false;
    // Below the quotation's first line, or above it when the window has no room below;
    // always inside the window.
    const rects = mark.getClientRects();
    const box = rects[0] || mark.getBoundingClientRect();
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(box.left, viewWidth - width - 8));
    let top = box.bottom + 6;
    if (top + height > viewHeight - 8) top = Math.max(8, box.top - height - 6);
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${top + window.scrollY}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  function quoteMark(event) {
    const mark = event.target.closest ? event.target.closest("mark.quote") : null;
    return mark && highlighted.contains(mark) ? mark : null;
  }

  highlighted.addEventListener("mouseover", (event) => {
    const mark = quoteMark(event) || quoteMark({ target: document.activeElement });
    if (mark) showTip(mark);
    else hideTip();
  });
  highlighted.addEventListener("mouseleave", () => {
    if (!highlighted.contains(document.activeElement)) hideTip();
  });
  highlighted.addEventListener("focusin", (event) => {
    const mark = quoteMark(event);
    if (mark) showTip(mark);
  });
  highlighted.addEventListener("focusout", hideTip);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTip();
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = textarea.value;
    const format = form.elements.format.value;
    const ticket = ++asked;
    if (!text.trim()) {
      clearResults();
      setStatus("Paste an article first.", true);
      return;
    }
    button.disabled = true;
    setStatus("Attributing…");
    try {
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      const key = document.getElementById("api-key");
      if (key && key.value.trim()) headers.Authorization = `Bearer ${key.value.trim()}`;
      const request = JSON.stringify({ text, format });
      const response = await fetch(form.dataset.api, { method: "POST", headers, body: request });
      const body = await response.json().catch(() => null);
      if (ticket !== asked) return; // a newer request is on its way
      if (!response.ok) {
        clearResults();
        const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
        setStatus(`The service refused the text: ${message}`, true);
        return;
      }
      const speakerIndex = new Map(body.speakers.map((speaker, i) => [speaker.id, i]));
      quotesById = new Map(body.quotes.map((quote) => [quote.id, quote]));
      hideTip();
      renderArticle(text, body.quotes, speakerIndex);
      renderSpeakers(body.speakers, body.quotes, speakerIndex);
      renderQuoteList(body.quotes, speakerIndex);
      lastBody = body;
      results.hidden = false;
      setStatus(
        `${plural(body.quotes.length, "quotation")} from ${plural(body.speakers.length, "speaker")} ` +
          `in ${Math.round(body.meta.elapsed_ms)} ms.`,
      );
    } catch (error) {
      if (ticket !== asked) return;
      clearResults();
      setStatus(`Could not reach the service: ${error.message}`, true);
    } finally {
      button.disabled = false;
    }
  });

  copyButton.addEventListener("click", copyCsv);
  downloadButton.addEventListener("click", downloadJson);
  // The preloaded article is attributed at once: the page opens on a finished example.
  if (textarea.value.trim()) form.requestSubmit();
})();
