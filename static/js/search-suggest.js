/*
 * Title suggestions under the header's search box (ARIA 1.2 combobox with a
 * listbox). Progressive enhancement: without this file the form just submits.
 * Keys: Down/Up move through the list, Enter opens the chosen title (or submits
 * the typed words when none is chosen), Escape closes the list.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector('input[role="combobox"]');
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var url = form.getAttribute("data-suggest-url");
  var items = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  function loadStyles() {
    var href = form.getAttribute("data-suggest-css");
    if (!href || document.querySelector('link[href="' + href + '"]')) {
      return;
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = list.querySelectorAll('[role="option"]');
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(found) {
    items = found;
    list.textContent = "";
    if (!found.length) {
      close();
      return;
    }
    found.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = "site-search-option-" + i;
      option.className = "search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var title = document.createElement("span");
      title.textContent = item.title;
      title.lang = item.lang;
      var kind = document.createElement("span");
      kind.className = "search-suggest__kind";
      kind.textContent = item.kind;
      option.appendChild(title);
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the box until we navigate
        window.location.assign(item.url);
      });
      list.appendChild(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    if (query.length < 2) {
      render([]);
      return;
    }
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) {
          render(data.suggestions || []);
        }
      })
      .catch(function () {
        /* aborted or offline: the form still works */
      });
  }

  input.addEventListener("focus", loadStyles);
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && items.length;
    if (event.key === "ArrowDown") {
      if (!open) {
        lastQuery = "";
        fetchSuggestions();
        return;
      }
      event.preventDefault();
      highlight(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      if (!open) {
        return;
      }
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener("blur", function () {
    window.setTimeout(close, 100);
  });
})();
