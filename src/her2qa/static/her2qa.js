() => {
  // her2qa page behaviour (plain local JS, nothing fetched):
  //  * a marker [n] (link "#cite-<turn>-<n>") previews its passage on hover/focus; a click selects
  //    it (visibly), shows the passage in the Sources column and scrolls there (phones included);
  //  * "#ask-<q>" links ask q now; "#draft-<text>" links put text into the question box (Chat tab);
  //  * chat messages get plain-text accessible names, the question box a real label.
  const $ = (sel, root) => (root || document).querySelector(sel);
  const reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  let selected = null;  // "<turn>-<n>" of the selected marker

  const setValue = (box, value) => {
    const proto = Object.getPrototypeOf(box);
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const questionBox = () => $('#her2qa-question textarea, #her2qa-question input');
  const showTab = (name) => {
    const tab = Array.from(document.querySelectorAll('[role="tab"]')).find((t) => t.textContent.trim() === name);
    if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  };

  // ---- hover / focus preview ----
  const tip = document.createElement('div');
  tip.id = 'her2qa-preview';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  const citeLink = (el) => (el && el.closest ? el.closest('a[href*="#cite-"]') : null);
  const previewOf = (link) => {
    if (link.title) { link.dataset.preview = link.title; link.removeAttribute('title'); }
    return link.dataset.preview || '';
  };
  const showTip = (link) => {
    const text = previewOf(link);
    if (!text) return;
    tip.textContent = text;
    tip.hidden = false;
    link.setAttribute('aria-describedby', 'her2qa-preview');
    const r = link.getBoundingClientRect();
    const w = Math.min(420, window.innerWidth * 0.92);
    const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    tip.style.left = left + 'px';
    const below = r.bottom + 8;
    tip.style.top = below + 'px';
    const h = tip.getBoundingClientRect().height;
    if (below + h > window.innerHeight - 8 && r.top - h - 8 > 0) tip.style.top = (r.top - h - 8) + 'px';
  };
  const hideTip = () => { tip.hidden = true; };
  document.addEventListener('mouseover', (e) => { const l = citeLink(e.target); if (l) showTip(l); });
  document.addEventListener('mouseout', (e) => { if (citeLink(e.target)) hideTip(); });
  document.addEventListener('focusin', (e) => { const l = citeLink(e.target); if (l) showTip(l); else hideTip(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });
  window.addEventListener('scroll', hideTip, true);

  // ---- selection ----
  const markSelected = () => {
    document.querySelectorAll('#her2qa-chat a.her2qa-cite-selected').forEach((a) => {
      if (!selected || !a.getAttribute('href').endsWith('#cite-' + selected)) {
        a.classList.remove('her2qa-cite-selected'); a.removeAttribute('aria-current');
      }
    });
    if (!selected) return;
    document.querySelectorAll('#her2qa-chat a[href$="#cite-' + selected + '"]').forEach((a) => {
      a.classList.add('her2qa-cite-selected'); a.setAttribute('aria-current', 'true');
    });
  };
  const scrollToSources = () => {
    const panel = $('#her2qa-sources-panel');
    if (!panel) return;
    const r = panel.getBoundingClientRect();
    if (r.top < 0 || r.top > window.innerHeight * 0.5) {
      panel.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
    }
  };

  document.addEventListener('click', (event) => {
    const link = event.target && event.target.closest ? event.target.closest('a[href*="#"]') : null;
    if (!link) return;
    const href = link.getAttribute('href') || '';
    const hash = href.slice(href.indexOf('#') + 1);
    if (hash.startsWith('cite-')) {
      event.preventDefault();
      event.stopPropagation();
      hideTip();
      selected = hash.slice(5);
      markSelected();
      const box = $('#her2qa-cite-target textarea, #her2qa-cite-target input');
      if (box) setValue(box, selected + '-' + Date.now());
      scrollToSources();
      const passage = $('#her2qa-passage');
      if (passage) { passage.setAttribute('tabindex', '-1'); passage.focus({ preventScroll: true }); }
    } else if (hash.startsWith('ask-') || hash.startsWith('draft-')) {
      event.preventDefault();
      event.stopPropagation();
      const draft = hash.startsWith('draft-');
      const text = decodeURIComponent(hash.slice(draft ? 6 : 4));
      showTab('Chat');
      setTimeout(() => {
        const box = questionBox();
        if (!box) return;
        setValue(box, text);
        box.focus();
        if (!draft) { const ask = $('#her2qa-ask'); if (ask) ask.click(); }
      }, 50);
    } else if (hash === 'her2qa-back') {
      event.preventDefault();
      const target = $('#her2qa-chat a.her2qa-cite-selected') || $('#her2qa-chat');
      if (target) { target.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'center' }); target.focus(); }
    }
  }, true);

  // ---- accessibility of Gradio's own markup ----
  const fixLabels = () => {
    const box = questionBox();
    if (box && box.getAttribute('aria-label') !== 'Your question about the review') {
      box.setAttribute('aria-label', 'Your question about the review');
    }
    let q = 0, a = 0;
    document.querySelectorAll('#her2qa-chat [data-testid=user], #her2qa-chat [data-testid=bot]').forEach((m) => {
      const bot = m.dataset.testid === 'bot';
      const n = bot ? ++a : ++q;
      const text = (m.innerText || '').replace(/\s+/g, ' ').trim();
      const label = (bot ? 'Answer ' : 'Question ') + n + ': ' + (text.length > 300 ? text.slice(0, 299) + '…' : text);
      if (m.getAttribute('aria-label') !== label) m.setAttribute('aria-label', label);
      if (m.getAttribute('role') !== 'article') m.setAttribute('role', 'article');
    });
    markSelected();
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fixLabels(); });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  fixLabels();
}
