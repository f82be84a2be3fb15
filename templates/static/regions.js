/* A table sits in a box that scrolls sideways when the table is wider than
   the screen. A box that scrolls is a Tab stop, so that a keyboard can scroll
   it (WCAG 2.1.1), and a region named by its table, so that a screen reader
   says what the stop is. A box that fits is neither: it would be one Tab press
   for nothing.

   Every table's box is marked as such a region in the page itself, so that
   without JavaScript every such box is a Tab stop: a table written in a paper
   or the minutes, named by its aria-label (generator/markdown.py), and the
   site's own tables (agendas, trackers, registers), named by their caption
   (generator/render.py's table_regions; without it a tracker's last columns,
   where it has no link, were out of the Tab key's reach at 320px). Here each
   keeps its stop only while it scrolls.

   Whether a box scrolls is checked again whenever the window's width or the
   zoom changes, and whenever the table's own size does: a reader's text
   spacing or text size, set after the page has loaded, widens a table without
   resizing the window. A box that has focus keeps its stop until focus leaves
   it. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-wrap");
  if (!boxes.length) { return; }
  function own(box) { return !box.hasAttribute("aria-label"); }
  function update() {
    Array.prototype.forEach.call(boxes, function (box) {
      var caption = box.querySelector("caption");
      if (box.scrollWidth > box.clientWidth && (caption || !own(box))) {
        box.setAttribute("tabindex", "0");
        if (own(box)) {
          caption.id = caption.id || "table-caption-" + Array.prototype.indexOf.call(boxes, box);
          box.setAttribute("role", "region");
          box.setAttribute("aria-labelledby", caption.id);
        }
      } else if (box !== document.activeElement) {
        box.removeAttribute("tabindex");
        if (own(box)) {
          box.removeAttribute("role");
          box.removeAttribute("aria-labelledby");
        }
      }
    });
  }
  /* The browser scrolls a box to the control the Tab key reaches in it only as far as the control's own edge,
     or not at all while a little of it shows, and the box clips what is drawn past its edges: at 320px a
     tracker's sort button came to rest flush with the box's right edge, its focus ring cut off on that side,
     and another showed two pixels of itself. The box is scrolled on to show the control and its ring (6px,
     the room style.css keeps either side of a table), its start first where it is wider than the box. */
  var RING = 6;
  function reveal(event) {
    var box = event.currentTarget, control = event.target;
    if (control === box) { return; }
    var left = box.getBoundingClientRect().left + box.clientLeft, right = left + box.clientWidth;
    var seen = control.getBoundingClientRect();
    if (seen.right + RING > right) {
      box.scrollLeft += Math.ceil(Math.min(seen.right + RING - right, seen.left - RING - left));
    } else if (seen.left - RING < left) {
      box.scrollLeft -= Math.ceil(left - (seen.left - RING));
    }
  }
  update();
  window.addEventListener("resize", update);
  Array.prototype.forEach.call(boxes, function (box) { box.addEventListener("focusin", reveal); });
  window.addEventListener("load", update);
  Array.prototype.forEach.call(boxes, function (box) { box.addEventListener("blur", update); });
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(update);
    Array.prototype.forEach.call(boxes, function (box) {
      observer.observe(box);
      if (box.querySelector("table")) { observer.observe(box.querySelector("table")); }
    });
  }
})();
