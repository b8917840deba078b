/**
 * Imported first by launch.ts, before ink. The TUI only starts when stdin and stdout are
 * terminals, i.e. someone is at the keyboard; but ink renders no frame until exit when the
 * `CI` (or `CONTINUOUS_INTEGRATION`) environment variable is set (its `is-in-ci` check). A person
 * at a terminal wants frames whatever their environment says, so the check is turned off here.
 */
for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) {
  if (process.env[key] !== undefined) process.env[key] = 'false';
}

export {};
