// dragoman's only script, written for it (no library): focus a network node's ties on hover,
// send only the filled-in filters, and say "coding..." while a text is being coded. Pages work without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var net = document.getElementById("network");
  if (net) {
    net.querySelectorAll(".node").forEach(function (node) {
      var id = node.getAttribute("data-node");
      node.addEventListener("mouseenter", function () {
        net.classList.add("focus");
        net.querySelectorAll(".edge").forEach(function (edge) {
          var on = edge.getAttribute("data-source") === id || edge.getAttribute("data-target") === id;
          edge.classList.toggle("on", on);
        });
      });
      node.addEventListener("mouseleave", function () { net.classList.remove("focus"); });
    });
  }
  // filter forms send only the fields that have a value: shorter URLs to share
  document.querySelectorAll("form.filters").forEach(function (filters) {
    filters.addEventListener("submit", function () {
      filters.querySelectorAll("input, select").forEach(function (field) {
        if (field.value === "" && field.type !== "submit") { field.disabled = true; }
      });
    });
  });
  window.addEventListener("pageshow", function () {  // back to a page whose form was sent
    document.querySelectorAll("form.filters [disabled]").forEach(function (f) { f.disabled = false; });
  });
  var form = document.getElementById("code-form");
  if (form) {
    form.addEventListener("submit", function () {
      var busy = document.getElementById("code-busy");
      if (busy) { busy.hidden = false; }
    });
  }
});
