package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PassiveRepliesTest {

    @Test
    void readsTheEpsvPortWhateverTheDelimiter() throws IOException {
        assertEquals(50123, PassiveReplies.epsvPort("229 Entering Extended Passive Mode (|||50123|)"));
        assertEquals(2000, PassiveReplies.epsvPort("229 EPSV ok (!!!2000!)"));
    }

    @Test
    void readsThePasvPortWithOrWithoutBrackets() throws IOException {
        assertEquals(195 * 256 + 80, PassiveReplies.pasvPort("227 Entering Passive Mode (127,0,0,1,195,80)."));
        assertEquals(4 * 256 + 1, PassiveReplies.pasvPort("227 =127,0,0,1,4,1"));
    }

    @Test
    void rejectsMalformedReplies() {
        assertThrows(IOException.class, () -> PassiveReplies.epsvPort("229 Entering Extended Passive Mode"));
        assertThrows(IOException.class, () -> PassiveReplies.epsvPort("229 (|||99999|)"));
        assertThrows(IOException.class, () -> PassiveReplies.pasvPort("227 (127,0,0,1,4)"));
        assertThrows(IOException.class, () -> PassiveReplies.pasvPort("227 (127,0,0,1,4,256)"));
    }
}
