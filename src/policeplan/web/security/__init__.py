"""The web app's security measures, one small module each.

- `passwords`: argon2id hashing (argon2-cffi), rehash when parameters change;
- `sessions`: server-side sessions in the records store, rotated at login;
- `csrf`: a token per session (or per login form) on every state-changing request;
- `rate_limit`: 5 failed logins per account and per address per 15 minutes;
- `headers`: Content-Security-Policy without inline scripts, frame-ancestors 'none',
  nosniff, Referrer-Policy, and a request body size limit.
"""
