/* record.c: passage records as compact JSON (see record.h). */
#include "record.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static const struct {
    const char *key;
    size_t off;
} str_fields[] = {
    { "f", offsetof(ss_record, file) },     { "t", offsetof(ss_record, title) },
    { "h", offsetof(ss_record, heading) },  { "x", offsetof(ss_record, text) },
    { "d", offsetof(ss_record, date) },     { "r", offsetof(ss_record, region) },
    { "s", offsetof(ss_record, speaker) },  { "k", offsetof(ss_record, kind) },
    { "n", offsetof(ss_record, simplified) },
};
#define NSTR (NELEM(str_fields))

static char **field(const ss_record *r, size_t i)
{
    return (char **)((char *)r + str_fields[i].off);
}

ss_code ss_record_encode(const ss_record *r, char **out, size_t *len, ss_err *err)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;
    for (size_t i = 0; ok && i < NSTR; i++) {
        const char *v = *field(r, i);
        if (v)
            ok = cJSON_AddStringToObject(o, str_fields[i].key, v) != NULL;
    }
    ok = ok && cJSON_AddNumberToObject(o, "bs", (double)r->byte_start) &&
         cJSON_AddNumberToObject(o, "be", (double)r->byte_end) &&
         cJSON_AddNumberToObject(o, "p", r->para) && cJSON_AddNumberToObject(o, "sp", r->speech) &&
         (!r->line || cJSON_AddNumberToObject(o, "ln", r->line));
    char *s = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!s)
        return ss_seterr(err, SS_ENOMEM, "out of memory encoding a passage record");
    *out = s;
    *len = strlen(s);
    return SS_OK;
}

static uint64_t num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) && v->valuedouble >= 0 ? (uint64_t)v->valuedouble : 0;
}

ss_code ss_record_decode(const char *data, size_t len, ss_record *r, ss_err *err)
{
    memset(r, 0, sizeof *r);
    cJSON *o = cJSON_ParseWithLength(data, len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return ss_seterr(err, SS_ECORRUPT, "passage record is not a JSON object");
    }
    for (size_t i = 0; i < NSTR; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, str_fields[i].key);
        if (cJSON_IsString(v) && !(*field(r, i) = strdup(v->valuestring))) {
            cJSON_Delete(o);
            ss_record_free(r);
            return ss_seterr(err, SS_ENOMEM, "out of memory decoding a passage record");
        }
    }
    r->byte_start = num(o, "bs");
    r->byte_end = num(o, "be");
    r->para = (uint32_t)num(o, "p");
    r->line = (uint32_t)num(o, "ln");
    r->speech = (uint32_t)num(o, "sp");
    cJSON_Delete(o);
    return SS_OK;
}

void ss_record_free(ss_record *r)
{
    for (size_t i = 0; i < NSTR; i++) {
        free(*field(r, i));
        *field(r, i) = NULL;
    }
}

ss_code ss_record_values(const ss_record *r, xc_doc *doc, ss_err *err)
{
    ss_code rc = SS_OK;
    if (r->region)
        rc = xc_doc_add_value(doc, SS_SLOT_REGION, r->region, strlen(r->region), err);
    if (rc == SS_OK && r->date && strlen(r->date) >= 4)
        rc = xc_doc_add_value(doc, SS_SLOT_YEAR, r->date, 4, err);
    if (rc == SS_OK && r->kind)
        rc = xc_doc_add_value(doc, SS_SLOT_KIND, r->kind, strlen(r->kind), err);
    return rc;
}

int ss_record_shows_heading(const ss_record *r)
{
    if (!r->heading || !*r->heading)
        return 0;
    size_t n = strlen(r->heading);
    return !(r->text && strncmp(r->text, r->heading, n) == 0);
}
