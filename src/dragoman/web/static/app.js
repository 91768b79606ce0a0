// dragoman's only script, written for it (no library): focus a network node's ties on hover,
// and say "coding..." while a text is being coded. Pages work without it.
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
  var form = document.getElementById("code-form");
  if (form) {
    form.addEventListener("submit", function () {
      var busy = document.getElementById("code-busy");
      if (busy) { busy.hidden = false; }
    });
  }
});
