/*
 * The storefront's small helpers, no framework:
 * - checks the order form's fields as the buyer types, with the same patterns as the server's
 *   rules (the server checks everything again);
 * - shows times in the viewer's own time zone;
 * - refreshes the order page when the order changes (asking the API), unless the buyer is typing;
 * - asks before cancelling.
 */
(function () {
  "use strict";

  function fieldValue(input) {
    var value = input.value.trim();
    if (input.dataset.mobile === "true" && value.indexOf("@") < 0) {
      value = value.replace(/[\s-]/g, "");
    }
    return value;
  }

  function problem(input) {
    var value = fieldValue(input);
    if (input.required && value === "") {
      return input.dataset.msgRequired || "";
    }
    if (value === "") {
      return "";
    }
    var max = parseInt(input.dataset.max || "0", 10);
    if (max > 0 && value.length > max) {
      return input.dataset.msgToolong || "";
    }
    if (input.dataset.pattern) {
      var pattern = new RegExp("^(?:" + input.dataset.pattern + ")$", "u");
      if (!pattern.test(value)) {
        return input.dataset.msgMalformed || "";
      }
    }
    if (input.type === "number") {
      var n = Number(value);
      if (!Number.isInteger(n) || (input.min && n < Number(input.min)) || (input.max && n > Number(input.max))) {
        return input.dataset.msgRange || "";
      }
    }
    return "";
  }

  function show(input, message) {
    var field = input.closest(".field");
    var slot = field && field.querySelector(".field-error");
    if (slot) {
      slot.textContent = message;
    }
    input.classList.toggle("invalid", message !== "");
    input.setAttribute("aria-invalid", message !== "" ? "true" : "false");
  }

  function updateTotal(form) {
    var price = document.getElementById("unit-price");
    var total = document.getElementById("total");
    var quantity = form.querySelector("[data-field=quantity]");
    if (price && total && quantity) {
      var n = parseInt(quantity.value, 10);
      if (n > 0) {
        total.textContent = "¥" + (Number(price.dataset.price) * n).toFixed(2);
      }
    }
  }

  document.querySelectorAll("form[data-checked-form]").forEach(function (form) {
    var inputs = form.querySelectorAll("[data-field]");
    inputs.forEach(function (input) {
      var touched = false;
      input.addEventListener("input", function () {
        if (touched) {
          show(input, problem(input));
        }
        updateTotal(form);
      });
      input.addEventListener("change", function () {
        touched = true;
        show(input, problem(input));
      });
      input.addEventListener("blur", function () {
        touched = true;
        show(input, problem(input));
      });
      if (input.classList.contains("invalid") || input.getAttribute("aria-invalid") === "true") {
        touched = true;
      }
    });
    form.addEventListener("submit", function (event) {
      var first = null;
      inputs.forEach(function (input) {
        var message = problem(input);
        show(input, message);
        if (message && !first) {
          first = input;
        }
      });
      if (first) {
        event.preventDefault();
        first.focus();
      }
    });
  });

  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  document.querySelectorAll("time.local[datetime]").forEach(function (time) {
    var at = new Date(time.getAttribute("datetime"));
    if (!isNaN(at.getTime())) {
      time.title = time.textContent;
      time.textContent = at.toLocaleString(document.documentElement.lang || undefined, { hour12: false });
    }
  });

  var summary = document.getElementById("order-summary");
  if (summary && summary.dataset.final !== "true") {
    var params = new URLSearchParams(window.location.search);
    var url = document.body.dataset.api || (window.location.pathname.replace(/\/order\/view\.xhtml$/, "") + "/api/v1/orders/");
    var typing = false;
    document.addEventListener("input", function () { typing = true; });
    window.setInterval(function () {
      if (typing || document.hidden) {
        return;
      }
      fetch(url + encodeURIComponent(summary.dataset.orderNo), {
        headers: { "Order-Token": params.get("token") || "", "Accept": "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (order) {
        if (order && (order.state !== summary.dataset.state
            || String(order.timeline.length) !== summary.dataset.events)) {
          window.location.reload();
        }
      }).catch(function () { /* try again at the next tick */ });
    }, 10000);
  }
})();
