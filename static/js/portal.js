/*
 * Progressive enhancement only: every page works without this file.
 * Facet panels (<details class="facets">) start closed on phones and open on wide
 * screens, where they sit in a column beside the results.
 */
(function () {
  "use strict";
  if (!window.matchMedia) {
    return;
  }
  var wide = window.matchMedia("(min-width: 64em)");
  function openFacetsOnWideScreens() {
    if (!wide.matches) {
      return;
    }
    document.querySelectorAll("details.facets").forEach(function (panel) {
      panel.open = true;
    });
  }
  openFacetsOnWideScreens();
  if (wide.addEventListener) {
    wide.addEventListener("change", openFacetsOnWideScreens);
  }
})();
