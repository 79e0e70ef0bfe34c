'use strict';

// Swagger UI over this deployment's own OpenAPI document. The document names its server /cticache, the context
// path of cticache.war; "try it out" goes to wherever this page was served from instead, so that a WAR deployed
// under another name, or behind a proxy that maps the path, is tried where it runs. Nothing comes from another
// origin: no validator badge (validatorUrl null), no CDN.
(function () {
  const page = document.getElementById('swagger-ui');
  const server = window.location.origin + window.location.pathname.replace(/\/docs\/[^/]*$/, '');

  fetch('../openapi.json', {headers: {Accept: 'application/json'}})
    .then(function (response) {
      if (!response.ok) {
        throw new Error('GET openapi.json answered ' + response.status);
      }
      return response.json();
    })
    .then(function (document) {
      document.servers = [{url: server, description: 'this deployment'}];
      window.ui = SwaggerUIBundle({
        spec: document,
        dom_id: '#swagger-ui',
        deepLinking: true,
        validatorUrl: null,
        // Credentials typed into Authorize stay in this page, never in the browser's storage.
        persistAuthorization: false,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout'
      });
    })
    .catch(function (error) {
      page.textContent = 'The API document could not be loaded: ' + error.message;
    });
})();
