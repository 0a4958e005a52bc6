// Progressive enhancement for quiz attempts: the form works without this file.
// - Autosave: answers are posted (as the plain form would) a moment after each change.
// - Timer: counts down the time left; the server enforces the deadline, this only shows it.
//   The clock ticks silently; a separate polite live region announces it once a minute.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  var status = document.getElementById("autosave-status");
  var timer = document.getElementById("quiz-timer");
  if (form) {
    var pending = null;
    var save = function () {
      var data = new FormData(form);
      data.append("save", "1");
      fetch(form.dataset.autosave, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "Accept": "application/json" },
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!status) return;
          if (body.saved) status.textContent = status.dataset.savedText || "Saved.";
          else if (body.time_is_up) window.location.reload();
        });
      }).catch(function () { /* offline: the next change or the buttons try again */ });
    };
    form.addEventListener("change", function () {
      clearTimeout(pending);
      pending = setTimeout(save, 800);
    });
    form.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(save, 3000);
    });
  }
  if (timer) {
    var left = parseInt(timer.dataset.secondsLeft, 10);
    var value = timer.querySelector(".timer__value");
    var announcer = document.getElementById("quiz-timer-announcer");
    var started = Date.now();
    var tick = function () {
      var remaining = Math.max(0, left - Math.floor((Date.now() - started) / 1000));
      var text = Math.floor(remaining / 60) + ":" + String(remaining % 60).padStart(2, "0");
      value.textContent = text;
      // Screen readers hear the time left politely once a minute, not every second.
      if (announcer && remaining % 60 === 0 && remaining < left) {
        announcer.textContent = announcer.dataset.label + ": " + text;
      }
      if (remaining === 0 && form) {
        // Time is up: submit as it is, without asking about blank questions.
        var submit = form.querySelector("button[name=submit]");
        submit.value = form.dataset.submitAnyway;
        submit.click();
      }
      else setTimeout(tick, 1000);
    };
    tick();
  }
})();
