// Progressive enhancement for the decision pages. Without it everything still works through plain form
// posts; with it, the questionnaire shows only the questions on the path the answers take so far, and the
// ADR preview follows the metadata fields as they are filled in.
(function () {
  'use strict';

  // --- Questionnaire: hide questions off the current path -------------------------------------------
  function enhanceQuestionnaire(form) {
    var dataNode = document.getElementById('tree-graph');
    if (!dataNode) return;
    var graph;
    try {
      graph = JSON.parse(dataNode.textContent || '');
    } catch {
      return;
    }
    var fieldsets = Array.prototype.slice.call(
      form.querySelectorAll('fieldset[data-question]:not([data-refinement])'),
    );
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    form.appendChild(status);

    var hint = form.querySelector('[data-no-js-hint]');
    if (hint) hint.textContent = 'The next question appears as soon as you answer the one before it.';

    function answerOf(questionId) {
      var checked = form.querySelector('input[name="' + CSS.escape(questionId) + '"]:checked');
      return checked ? checked.value : null;
    }

    // The questions the answers reach, in order; stops at the first unanswered one or at an outcome.
    function pathQuestions() {
      var onPath = [];
      var id = graph.start;
      var guard = 0;
      while (graph.questions[id] && guard++ < 1000) {
        onPath.push(id);
        var next = graph.questions[id][answerOf(id)];
        if (!next) break;
        id = next;
      }
      return onPath;
    }

    var shownBefore = null;
    function update() {
      var onPath = pathQuestions();
      var newlyShown = [];
      fieldsets.forEach(function (fieldset) {
        var id = fieldset.getAttribute('data-question');
        var show = onPath.indexOf(id) !== -1;
        if (show && shownBefore && shownBefore.indexOf(id) === -1) newlyShown.push(fieldset);
        fieldset.hidden = !show;
        // A disabled fieldset's answers are not submitted, so off-path answers never reach the server.
        fieldset.disabled = !show;
      });
      // Renumber the visible questions (refinements after the path) so the numbers read 1, 2, 3…
      var n = 0;
      Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-question]'), function (fieldset) {
        if (fieldset.hidden) return;
        n += 1;
        var number = fieldset.querySelector('.q-number');
        if (number) number.textContent = String(n);
      });
      if (newlyShown.length > 0) {
        var legend = newlyShown[0].querySelector('legend');
        status.textContent = 'Next question: ' + (legend ? legend.textContent.replace(/^\s*\d+\s*/, '') : '');
      }
      shownBefore = onPath;
    }

    form.addEventListener('change', update);
    update();
  }

  // --- Result page: live ADR preview ----------------------------------------------------------------
  function enhanceAdrPreview(form) {
    var preview = document.querySelector('.adr-preview pre code');
    var match = /^\/decide\/([^/]+)\/adr$/.exec(new URL(form.action, location.href).pathname);
    if (!preview || !match || !window.fetch) return;
    var treeId = match[1];
    var timer = null;

    function peopleOf(value) {
      return value
        .split(',')
        .map(function (s) {
          return s.trim();
        })
        .filter(Boolean);
    }

    function body() {
      var answers = {};
      var meta = {};
      Array.prototype.forEach.call(form.querySelectorAll('input[type="hidden"]'), function (input) {
        answers[input.name] = input.value;
      });
      var get = function (name) {
        var el = form.elements.namedItem(name);
        return el && 'value' in el ? el.value.trim() : '';
      };
      if (get('title')) meta.title = get('title');
      if (get('status')) meta.status = get('status');
      if (get('date')) meta.date = get('date');
      if (/^\d+$/.test(get('number'))) meta.number = Number(get('number'));
      [
        ['decision_makers', 'decisionMakers'],
        ['consulted', 'consulted'],
        ['informed', 'informed'],
      ].forEach(function (pair) {
        var people = peopleOf(get(pair[0]));
        if (people.length) meta[pair[1]] = people;
      });
      return { answers: answers, meta: meta, template: 'madr' };
    }

    function refresh() {
      fetch('/api/trees/' + encodeURIComponent(treeId) + '/adr', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/markdown' },
        body: JSON.stringify(body()),
      })
        .then(function (res) {
          return res.ok ? res.text() : null;
        })
        .then(function (text) {
          // A half-typed field (e.g. a date) may not validate yet; keep the last good preview.
          if (text !== null) preview.textContent = text;
        })
        .catch(function () {
          /* offline or server gone: the download buttons still work */
        });
    }

    form.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  }

  function start() {
    var questionnaire = document.querySelector('form[data-questionnaire]');
    if (questionnaire) enhanceQuestionnaire(questionnaire);
    var adrForm = document.querySelector('form.adr-form');
    if (adrForm) enhanceAdrPreview(adrForm);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
