/* mk_tradmap: writes the bitmap of Han characters that OpenCC's t2s
 * conversion changes (U+3400..U+FAFF), so the analyser can skip OpenCC for
 * the simplified text that most speeches are, and decide which clauses to
 * convert without opening the converter.  Usage: mk_tradmap OUT */
#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define LO 0x3400u
#define HI 0xFB00u

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: mk_tradmap OUT\n");
        return 2;
    }
    opencc_t cc = opencc_open("t2s.json");
    if (cc == (opencc_t)-1) {
        fprintf(stderr, "mk_tradmap: cannot open OpenCC t2s.json: %s\n", opencc_error());
        return 1;
    }
    static unsigned char map[(HI - LO) / 8];
    size_t changed = 0;
    for (uint32_t cp = LO; cp < HI; cp++) {
        char in[5];
        size_t n = utf8_put(cp, in);
        in[n] = '\0';
        char *out = opencc_convert_utf8(cc, in, n);
        if (out && strcmp(out, in) != 0) {
            map[(cp - LO) >> 3] |= (unsigned char)(1u << ((cp - LO) & 7));
            changed++;
        }
        opencc_convert_utf8_free(out);
    }
    opencc_close(cc);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *f = fopen(tmp, "wb");
    if (!f || fwrite(map, 1, sizeof map, f) != sizeof map || fclose(f) != 0 ||
        rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        return 1;
    }
    fprintf(stderr, "mk_tradmap: %zu characters change under t2s\n", changed);
    return 0;
}
