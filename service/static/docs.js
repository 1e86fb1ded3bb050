// Starts Swagger UI on /docs (a file of its own: the Content-Security-Policy forbids inline script).
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    tryItOutEnabled: true,
    // The default validator badge is an image from another origin; this page uses none.
    validatorUrl: null,
  });
});
