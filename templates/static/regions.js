/* A table in a paper or the minutes sits in a box that scrolls sideways when
   the table is wider than the screen. Without JavaScript every such box is a
   Tab stop, so that a keyboard can scroll it (WCAG 2.1.1). With it, only the
   boxes that do scroll are, checked again whenever the window's width or the
   zoom changes: a box that fits is one Tab press for nothing. A box that has
   focus keeps its stop until focus leaves it. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-wrap[role=region]");
  if (!boxes.length) { return; }
  function update() {
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else if (box !== document.activeElement) {
        box.removeAttribute("tabindex");
      }
    });
  }
  update();
  window.addEventListener("resize", update);
  window.addEventListener("load", update);
  Array.prototype.forEach.call(boxes, function (box) { box.addEventListener("blur", update); });
})();
