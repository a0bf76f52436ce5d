package com.convene.backend.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinCodesTest {

    @Test
    void generatesThreeFourThreeLowerCaseCodesWithoutL() {
        JoinCodes codes = new JoinCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.next();
            assertThat(code).matches("[a-km-z]{3}-[a-km-z]{4}-[a-km-z]{3}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void normalizesTypedVariants() {
        assertThat(JoinCodes.normalize("ABC-DEFG-HIJ")).hasValue("abc-defg-hij");
        assertThat(JoinCodes.normalize("abcdefghij")).hasValue("abc-defg-hij");
        assertThat(JoinCodes.normalize("abc defg hij")).hasValue("abc-defg-hij");
    }

    @Test
    void rejectsWrongLengthOrCharacters() {
        assertThat(JoinCodes.normalize("abc-defg")).isEmpty();
        assertThat(JoinCodes.normalize("abc-defg-hi1")).isEmpty();
        assertThat(JoinCodes.normalize("")).isEmpty();
        assertThat(JoinCodes.normalize("abc-defg-hijk")).isEmpty();
    }
}
