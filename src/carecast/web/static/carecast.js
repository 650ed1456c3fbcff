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

  document.addEventListener("keydown", function (event) {
    var queue = document.querySelectorAll(".queue-item");
    if (!queue.length || event.target.matches("input[type=text], textarea, select")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var items = Array.prototype.slice.call(queue);
    var index = items.findIndex(function (el) { return el.classList.contains("current"); });
    function select(i) {
      items.forEach(function (el) { el.classList.remove("current"); });
      var item = items[Math.max(0, Math.min(items.length - 1, i))];
      item.classList.add("current");
      item.focus();
    }
    if (event.key === "j") { select(index + 1); event.preventDefault(); }
    else if (event.key === "k") { select(index - 1); event.preventDefault(); }
    else if (event.key === "x" && index >= 0) {
      var box = items[index].querySelector("input[type=checkbox]");
      if (box && !box.disabled) box.checked = !box.checked;
      event.preventDefault();
    } else if (event.key === "o" && index >= 0) { window.location = items[index].dataset.href; }
    else if (event.key === "A") { document.getElementById("batch-form").submit(); }
  });

  // The inbox: j/k move between messages; p, r, h, f and d press the focused message's
  // "Move to a private thread", "Draft a reply", "Hide", "Flag" and "Dismiss" buttons.
  document.addEventListener("keydown", function (event) {
    var found = document.querySelectorAll(".mention[id^=mention-]");
    if (!found.length || event.target.matches("input, textarea, select")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var items = Array.prototype.slice.call(found);
    var index = items.findIndex(function (el) { return el.classList.contains("current"); });
    function select(i) {
      items.forEach(function (el) { el.classList.remove("current"); });
      var item = items[Math.max(0, Math.min(items.length - 1, i))];
      item.classList.add("current");
      item.focus();
    }
    if (event.key === "j") { select(index + 1); event.preventDefault(); }
    else if (event.key === "k") { select(index - 1); event.preventDefault(); }
    else if (index >= 0 && "prhfd".indexOf(event.key) >= 0) {
      var button = items[index].querySelector('button[data-key="' + event.key + '"]');
      if (button) { button.click(); event.preventDefault(); }
    }
  });
})();
