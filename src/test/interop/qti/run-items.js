// Runs each case of window.QTI_CASES ({name, xml, responses}) through the QTI 3 player's own
// response processing: the item is transformed and rendered, the responses are set, the
// player processes them, and the item's SCORE and the modal feedback it shows are written as
// JSON into <pre id="out"> for the test to read from the dumped page.
(async function () {
  const out = document.getElementById('out');
  const results = [];
  for (const c of window.QTI_CASES) {
    const host = document.createElement('div');
    try {
      host.appendChild(QtiComponents.qtiTransformItem().parse(c.xml).htmlDoc());
      document.body.appendChild(host);
      await customElements.whenDefined('qti-assessment-item');
      const item = host.querySelector('qti-assessment-item');
      await item.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const [id, value] of Object.entries(c.responses)) item.updateResponseVariable(id, value);
      item.processResponse();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const shown = [...host.querySelectorAll('qti-modal-feedback')]
        .filter((f) => f.showStatus === 'on')
        .map((f) => f.getAttribute('identifier'));
      results.push({ name: c.name, score: Number(item.getOutcome('SCORE').value), shown });
    } catch (e) {
      results.push({ name: c.name, error: String((e && e.stack) || e) });
    }
    host.remove();
  }
  out.textContent = JSON.stringify(results);
  out.setAttribute('data-done', 'true');
})();
