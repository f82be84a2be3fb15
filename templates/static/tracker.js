/* Sortable action trackers: a progressive enhancement. Without JavaScript the
   tables are complete and ordered by due date; with it, each column heading
   becomes a button that sorts by the cell's data-sort value, announced through
   aria-sort, the caption's order (its .sort-order, in the words the heading's
   data-ascending or data-descending gives) and a status message: screen readers
   do not read a changed aria-sort or caption out, so a reader who sorted heard
   nothing, and the caption still said "soonest due first". */
(function () {
  "use strict";
  var status = null;  /* the page's one status message, made before any sort so that its change is announced */
  function announce(text) {
    /* emptied first: sorting the same column twice the same way is announced again */
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  function sortBy(table, column, button) {
    var header = button.parentNode;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-sort") || a.cells[column].textContent;
      var y = b.cells[column].getAttribute("data-sort") || b.cells[column].textContent;
      var order = x.localeCompare(y, "en-GB", { numeric: true });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var words = header.getAttribute(ascending ? "data-ascending" : "data-descending") ||
      "by " + button.textContent + (ascending ? ", ascending" : ", descending");
    var caption = table.caption, order = caption && caption.querySelector(".sort-order");
    if (order) { order.textContent = ", " + words; }
    /* "Open actions sorted by owner, A to Z": the table's name, as a page may have four trackers */
    var name = caption ? caption.textContent.slice(0, order ? -order.textContent.length : undefined) : "Actions";
    announce(name + " sorted " + words);
  }
  var tables = document.querySelectorAll("table.tracker");
  if (!tables.length) { return; }
  status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.querySelector("main").appendChild(status);
  Array.prototype.forEach.call(tables, function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = cell.textContent;
      cell.textContent = "";
      cell.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, button); });
    });
  });
})();
