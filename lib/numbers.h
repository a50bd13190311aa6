/* numbers.h: a figure written in digits or in Chinese numerals, and its
 * other written forms (百万 = 100万 = 一百万, 两千亿 = 2000亿 = 二千亿), so that
 * a query figure finds the text however it was written.
 *
 * A word qualifies when it is a whole number, in ASCII digits or Chinese
 * numerals (〇零一二两三四五六七八九十百千万亿), optionally with a 万/亿 unit,
 * followed by at most three other characters (a unit: 元, 亿元, 万吨, 个, 亩).
 * Chinese numerals must form a number (十四五 does not: 十四 then 五), and
 * a run of one numeral character is no figure (一带一路). */
#ifndef SS_NUMBERS_H
#define SS_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#define SS_NUM_FORM_MAX 96

/* Writes the other forms of word (normalised UTF-8, len bytes) into
 * out[0..max), each NUL-terminated; returns how many (0: not a figure). */
size_t ss_num_forms(const char *word, size_t len, char out[][SS_NUM_FORM_MAX], size_t max);

/* A figure typed with digits and 千 or 百 at s (3千亿: 3000亿, 5百万: 500万;
 * not the kilo- of 千瓦, nor before 年 or a digit): the bytes of the digits
 * and 千/百, their value into *value; 0 when s holds none. */
size_t ss_num_loose_digits(const char *s, size_t len, uint64_t *value);

/* 1 when s[0, len) begins with 千 as the SI prefix kilo- of a unit (千瓦,
 * 千克, 千米...): 三千万千瓦 is 3000 万千瓦, not 30001000 瓦. */
int ss_num_kilo_unit(const char *s, size_t len);

/* The bytes of 多 or 余 and the 万, 亿 or 万亿 after it at the head of s
 * (两千多亿元, 300余万人: more than 2000 亿元); 0 when s does not begin so. */
size_t ss_num_approx_unit(const char *s, size_t len);

/* The bytes of the words of a share at the head of s (百分之, 千分之); 0
 * when s does not begin with one. */
size_t ss_num_share_words(const char *s, size_t len);

/* 1 when code point cp is a Chinese numeral: a digit (〇零一二两…九) or
 * 十 百 千 万 亿. */
int ss_num_is_numeral(uint32_t cp);

/* A count of one numeral from two to ten and a measure of things counted,
 * the whole of s[0, len) (三家 = 3家, 十个 = 10个): its value, 0 otherwise. */
uint64_t ss_num_one_count(const char *s, size_t len);

/* The value of a run of Chinese numerals (s, len bytes): 0 and *ok = 0
 * when it is not one number. */
uint64_t ss_num_parse_han(const char *s, size_t len, int *ok);

/* The value of s (len bytes): a run of Chinese numerals that is one number
 * (ss_num_parse_han), or one numeral alone (三 = 3, 十 = 10, 两 = 2; 零 = 0);
 * *ok = 0 when it is neither. */
uint64_t ss_num_han_value(const char *s, size_t len, int *ok);

/* Room for any value in Chinese numerals: at most 9,999,999 亿 9999 万 9999
 * with their zeros, 3 bytes a character. */
#define SS_NUM_HAN_MAX 160

/* Writes v in Chinese numerals into out (SS_NUM_HAN_MAX bytes); two: use 两
 * for a leading 2 before 千/百/万/亿. */
void ss_num_to_han(uint64_t v, int two, char *out);

#endif
