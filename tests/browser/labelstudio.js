// SPDX-License-Identifier: MIT
// Loads each task of a lextag --format labelstudio file into the Label Studio editor (the
// frontend build from npm, pinned in package.json) in headless Chromium, selects its
// prediction, and prints what the editor highlights: for each task, the text of every
// highlighted region in document order and the regions' labels.  Offline: every request
// that is not a local file is refused.
//
// Usage: node labelstudio.js NODE_MODULES CHROMIUM TASKS.json WORKDIR
'use strict';
const fs = require('fs');
const path = require('path');

const [nodeModules, chromiumPath, tasksPath, workdir] = process.argv.slice(2);
const { chromium } = require(path.join(nodeModules, 'playwright-core'));
const build = path.join(nodeModules, '@heartexlabs', 'label-studio', 'build', 'static');

// The named-entity template lextag's export is written for.
const config = '<View><Labels name="label" toName="text">' +
  ['PERSON', 'ORG', 'BILL', 'LAW', 'CITATION'].map((t) => `<Label value="${t}"/>`).join('') +
  '</Labels><Text name="text" value="$text"/></View>';

async function renderTask(page, task, id) {
  return page.evaluate(async ({ task, id, config }) => {
    const store = await new Promise((resolve) => {
      // eslint-disable-next-line no-new, no-undef
      new LabelStudio('label-studio', {
        config,
        interfaces: ['panel', 'predictions:menu', 'annotations:menu'],
        user: { pk: 1, firstName: 'Test', lastName: 'User' },
        task: { id, data: task.data, predictions: task.predictions, annotations: [] },
        onLabelStudioLoad: resolve,
      });
    });
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 100 && !store.annotationStore.predictions.length; i++) await wait(50);
    const preds = store.annotationStore.predictions;
    if (!preds.length) return { error: 'the editor shows no prediction' };
    store.annotationStore.selectPrediction(preds[0].id);
    const want = task.predictions[0].result.length;
    let marks = [];
    for (let i = 0; i < 100; i++) {
      marks = [...document.querySelectorAll('.htx-highlight')];
      if (marks.length >= want) break;
      await wait(50);
    }
    const regions = store.annotationStore.selected.regionStore.regions;
    return {
      highlighted: marks.map((m) => m.textContent),
      labels: regions.map((r) => (r.labels && r.labels[0]) || null),
    };
  }, { task, id, config });
}

async function main() {
  const tasks = JSON.parse(fs.readFileSync(tasksPath, 'utf8'));
  const pagePath = path.join(workdir, 'editor.html');
  fs.writeFileSync(pagePath, '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<link rel="stylesheet" href="file://${build}/css/main.css"></head>` +
    `<body><div id="label-studio"></div><script src="file://${build}/js/main.js"></script>` +
    '</body></html>');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const out = [];
  try {
    for (let i = 0; i < tasks.length; i++) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (r) => (r.request().url().startsWith('file://') ? r.continue() : r.abort()));
      await page.goto('file://' + pagePath);
      const got = await renderTask(page, tasks[i], i + 1);
      got.page_errors = errors;
      out.push(got);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
