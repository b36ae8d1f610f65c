// Hands the sign-in response to the Policy Desk page that started it (kept out of redirect.html so a
// strict Content-Security-Policy without 'unsafe-inline' still works).
msalRedirectBridge.broadcastResponseToMainFrame().catch(function (e) {
  document.getElementById('status').textContent =
    'Sign-in could not be completed (' + (e.errorCode || e.name || 'error') + '). Close this window and try again.';
});
