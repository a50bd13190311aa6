/* clean.h: removing what sites add to speeches, driven by a rules file.
 *
 * Speeches copied from web sites carry banners and navigation lines,
 * share/counter lines ("admin 分享 时间: … 共计193730个字"), download teasers
 * ("---此处隐藏5515字,下载后查看---"), QR-code lines, page counters
 * ("(第9/17页)") and site names inserted into sentences as watermarks
 * (我老秘网市 is 我市 with a site name inside).  The rules file
 * (corpus/data/clean.rules, installed as DATADIR/clean.rules) says what to
 * remove; users extend it.  Removed text is neither indexed nor shown, and
 * the output keeps the map to the original bytes (text.h). */
#ifndef SS_CLEAN_H
#define SS_CLEAN_H

#include <stddef.h>

#include "ss_error.h"
#include "text.h"

typedef struct ss_cleaner ss_cleaner;

typedef struct {
    size_t lines_removed;   /* whole lines dropped */
    size_t spans_removed;   /* pieces removed inside lines (watermarks, teasers) */
    size_t bytes_removed;   /* bytes of the input text removed */
} ss_clean_stats;

/* Opens the rules at path (NULL: DATADIR/clean.rules, see analyze.h's
 * ss_datadir).  Errors name the file and line. */
ss_code ss_cleaner_open(const char *path, ss_cleaner **out, ss_err *err);
void ss_cleaner_close(ss_cleaner *c);

/* Cleans in into out (overwritten; free with ss_text_free).  out maps to
 * the same original bytes as in.  st may be NULL. */
ss_code ss_clean(const ss_cleaner *c, const ss_text *in, ss_text *out, ss_clean_stats *st,
                 ss_err *err);

#endif
