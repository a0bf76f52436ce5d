/// The `scripts/run.sh` demo: signs in as the admin, schedules a demo meeting and either runs three bots through
/// the SFU and reports what each receives (no display), or starts one bot and opens the desktop app joined to the
/// same meeting (with a display).
@NullMarked
package com.convene.desktop.demo;

import org.jspecify.annotations.NullMarked;
