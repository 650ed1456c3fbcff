// carecast: one-click fixes on the compose page, keyboard use of the review queue and
// of the inbox.
(function () {
  "use strict";

  function recheck(textarea) {
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.apply-fix, button.apply-all");
    if (!button) return;
    var textarea = document.getElementById("text");
    if (!textarea) return;
    if (button.classList.contains("apply-all")) {
      textarea.value = button.dataset.fixed;
    } else {
      var value = textarea.value, replacement = button.dataset.replacement;
      if (button.dataset.mode === "append") {
        // Wording to add (a referral, the author's line) goes on a line of its own, once.
        if (value.indexOf(replacement) === -1) {
          textarea.value = value.replace(/\s*$/, "") + (value.trim() ? "\n\n" : "") + replacement;
        }
      } else {
        // Offsets are in code points (Python); Array.from splits the text the same way.
        var start = Number(button.dataset.start), end = Number(button.dataset.end);
        var chars = Array.from(value);
        textarea.value = chars.slice(0, start).join("") + replacement + chars.slice(end).join("");
      }
    }
    recheck(textarea);
  });

  // A list walked by keyboard: j/k move the "current" item; any other key goes to
  // act(key, item) with the current item (or null). Typing in a field is left alone.
  function keyList(selector, typing, act) {
    document.addEventListener("keydown", function (event) {
      var found = document.querySelectorAll(selector);
      if (!found.length || event.target.matches(typing)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var items = Array.prototype.slice.call(found);
      var index = items.findIndex(function (el) { return el.classList.contains("current"); });
      if (event.key === "j" || event.key === "k") {
        items.forEach(function (el) { el.classList.remove("current"); });
        var next = index + (event.key === "j" ? 1 : -1);
        var item = items[Math.max(0, Math.min(items.length - 1, next))];
        item.classList.add("current");
        item.focus();
        event.preventDefault();
      } else if (act(event.key, index >= 0 ? items[index] : null)) {
        event.preventDefault();
      }
    });
  }

  // The review queue: x ticks, o opens, A approves the ticked ones.
  keyList(".queue-item", "input[type=text], textarea, select", function (key, item) {
    if (key === "x" && item) {
      var box = item.querySelector("input[type=checkbox]");
      if (box && !box.disabled) box.checked = !box.checked;
      return true;
    }
    if (key === "o" && item) { window.location = item.dataset.href; return false; }
    if (key === "A") { document.getElementById("batch-form").submit(); }
    return false;
  });

  // The inbox: p, r, h, f and d press the current message's "Move to a private thread",
  // "Draft a reply", "Hide", "Flag" and "Dismiss" buttons.
  keyList(".mention[id^=mention-]", "input, textarea, select", function (key, item) {
    if (!item || "prhfd".indexOf(key) < 0) return false;
    var button = item.querySelector('button[data-key="' + key + '"]');
    if (button) button.click();
    return Boolean(button);
  });
})();
