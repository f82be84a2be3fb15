/* Sortable action trackers: a progressive enhancement. Without JavaScript the
   tables are complete and ordered by due date; with it, each column heading
   becomes a button that sorts by the cell's data-sort value, announced through
   aria-sort. */
(function () {
  "use strict";
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
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.tracker"), function (table) {
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
