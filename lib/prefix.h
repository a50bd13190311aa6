/* prefix.h: the term prefixes of the index, each named once (as notmuch's
 * lib/prefix.cc keeps its table).  The index half (filter_index.c,
 * terms.c) writes terms with them, the query half (filter.c, qcontext.c)
 * reads them; a prefix changed here changes both.
 *
 * Unprefixed terms are the words of the text (terms.h).  The boolean
 * terms (no weight):
 *   F<key>     the file (terms.h: ss_file_term);
 *   XR<code>   a place (gazetteer code) the passage is about, with every
 *              division above it;
 *   Y<yyyy>    the year of the speech's date;
 *   XY<yyyy>   a year the passage or its heading speaks of (passage_year.h);
 *   XS<name>   the speaker's name;  XP<role>  the speaker's role (both on
 *              the speech's head passage only, record_write.h);
 *   XK<kind>   speech, report or article;
 *   XT<bigram> a bigram (or ASCII token) of the speech's title (on the
 *              speech's head passage only, record_write.h);
 *   XQ<key>    the passage's speech (record.h: ss_speech_key_text). */
#ifndef SS_PREFIX_H
#define SS_PREFIX_H

#define SS_PREFIX_FILE "F"
#define SS_PREFIX_REGION "XR"
#define SS_PREFIX_YEAR "Y"
#define SS_PREFIX_PASSAGE_YEAR "XY"
#define SS_PREFIX_SPEAKER "XS"
#define SS_PREFIX_ROLE "XP"
#define SS_PREFIX_KIND "XK"
#define SS_PREFIX_TITLE "XT"
#define SS_PREFIX_SPEECH "XQ"

#endif
