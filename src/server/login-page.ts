/**
 * The login page shown when a dashboard secret is configured. Self-contained and script-free, so it holds
 * under the server's CSP; the form posts to `/api/login/form`, which sets the session cookie and redirects.
 */
export function loginPage(failed: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · AI Gateway Console</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f5f6f8; color: #1c1f23; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); width: min(22rem, 90vw); }
  h1 { font-size: 1.25rem; margin: 0 0 1rem; }
  label { display: block; margin-bottom: .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #8a9099; border-radius: 4px; }
  button { margin-top: 1rem; width: 100%; padding: .6rem; font-size: 1rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  p[role=alert] { color: #a4161a; margin: 0 0 1rem; }
</style>
</head>
<body>
<main>
<h1>AI Gateway Console</h1>
${failed ? '<p role="alert">That secret is not right. Try again.</p>\n' : ''}<form method="post" action="/api/login/form">
<label for="secret">Dashboard secret</label>
<input id="secret" name="secret" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}
