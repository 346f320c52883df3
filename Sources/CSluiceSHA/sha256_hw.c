// SHA-256 compression with the x86 SHA extensions (sha256rnds2/msg1/msg2).
#include "CSluiceSHA.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

int sluice_sha256_hw_available(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,sse4.1,ssse3")))
void sluice_sha256_hw_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i shuffleMask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                 // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);           // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);   // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);        // CDGH

    for (; blocks > 0; blocks--, data += 64) {
        __m128i abefSave = state0, cdghSave = state1;
        // The message schedule runs ahead of the rounds (as in Intel's reference
        // code): sha256msg1 for a later group is issued right after the rounds that
        // need its inputs, sha256msg2 one group before its words are used, so the
        // schedule's latency hides behind sha256rnds2. Written out in full because
        // compilers do not reliably unroll the loop form.
        __m128i m0, m1, m2, m3, k;
        // rounds 0-3
        m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), shuffleMask);
        k = _mm_add_epi32(m0, _mm_loadu_si128((const __m128i *)&K[0]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        // rounds 4-7
        m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), shuffleMask);
        k = _mm_add_epi32(m1, _mm_loadu_si128((const __m128i *)&K[4]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 8-11
        m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), shuffleMask);
        k = _mm_add_epi32(m2, _mm_loadu_si128((const __m128i *)&K[8]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 12-15
        m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), shuffleMask);
        k = _mm_add_epi32(m3, _mm_loadu_si128((const __m128i *)&K[12]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 16-19
        k = _mm_add_epi32(m0, _mm_loadu_si128((const __m128i *)&K[16]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 20-23
        k = _mm_add_epi32(m1, _mm_loadu_si128((const __m128i *)&K[20]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 24-27
        k = _mm_add_epi32(m2, _mm_loadu_si128((const __m128i *)&K[24]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 28-31
        k = _mm_add_epi32(m3, _mm_loadu_si128((const __m128i *)&K[28]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 32-35
        k = _mm_add_epi32(m0, _mm_loadu_si128((const __m128i *)&K[32]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 36-39
        k = _mm_add_epi32(m1, _mm_loadu_si128((const __m128i *)&K[36]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // rounds 40-43
        k = _mm_add_epi32(m2, _mm_loadu_si128((const __m128i *)&K[40]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // rounds 44-47
        k = _mm_add_epi32(m3, _mm_loadu_si128((const __m128i *)&K[44]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // rounds 48-51
        k = _mm_add_epi32(m0, _mm_loadu_si128((const __m128i *)&K[48]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // rounds 52-55
        k = _mm_add_epi32(m1, _mm_loadu_si128((const __m128i *)&K[52]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        // rounds 56-59
        k = _mm_add_epi32(m2, _mm_loadu_si128((const __m128i *)&K[56]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        // rounds 60-63
        k = _mm_add_epi32(m3, _mm_loadu_si128((const __m128i *)&K[60]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, k);
        k = _mm_shuffle_epi32(k, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, k);
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);              // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);           // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);        // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);           // ABEF
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

#else

int sluice_sha256_hw_available(void) { return 0; }

void sluice_sha256_hw_compress(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}

#endif
