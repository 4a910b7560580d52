package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The token text: slot and secret survive the round trip at their extremes, and malformed text names no slot. */
class TokensTest {

    @Test
    void slotAndSecretRoundTripAtTheExtremes() {
        int[] slots = {0, 1, 63, 64, 4095, 4096, Tokens.MAX_SLOTS - 1};
        long[] halves = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789ABCDEFL, 0xFEDCBA9876543210L};
        for (int slot : slots) {
            for (long hi : halves) {
                for (long lo : halves) {
                    String t = Tokens.format(slot, hi, lo);
                    assertEquals(Tokens.LENGTH, t.length());
                    assertTrue(t.matches("[A-Za-z0-9_-]{26}"), t);
                    assertEquals(slot, Tokens.slot(t), t);
                    assertEquals(hi, Tokens.hi(t), t);
                    assertEquals(lo, Tokens.lo(t), t);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Tokens.format(Tokens.MAX_SLOTS, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Tokens.format(-1, 0, 0));
    }

    @Test
    void malformedTextNamesNoSlot() {
        String good = Tokens.format(5, -1, -1);
        assertEquals(5, Tokens.slot(good));
        assertEquals(-1, Tokens.slot(null));
        assertEquals(-1, Tokens.slot(good.substring(1)));
        assertEquals(-1, Tokens.slot(good + "A"));
        assertEquals(-1, Tokens.slot(good.replace('_', '.')));
        assertEquals(-1, Tokens.slot("AAAF" + "é" + good.substring(5)));
        // a half's first character carries 4 bits: 'Q' (16) would be a 65th bit
        assertEquals(-1, Tokens.slot(good.substring(0, 4) + "Q" + good.substring(5)));
        assertEquals(-1, Tokens.slot(good.substring(0, 15) + "Q" + good.substring(16)));
    }

    @Test
    void secretsAreRandomAndComparedInFull() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Tokens.nextRandom()), "a repeated 64-bit value");
        }
        assertTrue(Tokens.same(7, 9, 7, 9));
        assertFalse(Tokens.same(7, 9, 7, 8));
        assertFalse(Tokens.same(7, 9, 6, 9));
        assertFalse(Tokens.same(Long.MIN_VALUE, 0, 0, 0));
    }
}
