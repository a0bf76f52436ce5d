/// The schedule form: a new meeting or series (recurrence, invitees, password, waiting room) or a change to one
/// I host, through `POST` and `PATCH /api/v1/meetings` and `POST /api/v1/meetings/{id}/invitations`.
@NullMarked
package com.convene.desktop.ui.schedule;

import org.jspecify.annotations.NullMarked;
