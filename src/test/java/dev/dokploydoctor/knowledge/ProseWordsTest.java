package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProseWordsTest {
    /** The text as the catalog reads it. */
    private static String read(String text) { return TextReader.read(text).text(); }

    @Test void aComponentNameTypedOneLetterOffIsTheName() {
        assertEquals("Traefik gives 404", read("Trafik gives 404"));
        assertEquals("since traefik restarted", read("since treafik restarted"));       // two letters swapped
        assertEquals("Traefik answers", read("Traefic answers"));                        // one letter changed
        assertEquals("the cloudflared container", read("the cloudfared container"));
        assertEquals("Cloudflare says 502", read("Cloudfare says 502"));
        assertEquals("deployed on dokploy", read("deployed on dockploy"));                // one letter added
        assertEquals("the postgres container", read("the postgress container"));
        assertEquals("the postgres container", read("the postgrs container"));
        assertEquals("nginx in front", read("ngnix in front"));
        assertEquals("docker ps shows it", read("dokcer ps shows it"));
        assertEquals("TRAEFIK IS DOWN", read("TRAFIK IS DOWN"));
    }

    @Test void theNameItselfAnotherComponentsNameAndEnglishWordsStay() {
        assertEquals("cloudflare and cloudflared", read("cloudflare and cloudflared"));
        assertEquals("bad posture", read("bad posture"));
        assertEquals("good postures", read("good postures"));
        assertEquals("the ship docked, the docket, a locker", read("the ship docked, the docket, a locker"));
        assertEquals("the reds redid it", read("the reds redid it"));
        assertEquals("traffic is slow", read("traffic is slow"));
        assertEquals("dockerd restarted", read("dockerd restarted"));
        assertEquals("deploy failed", read("deploy failed"));
        assertEquals("the engine", read("the engine"));
    }

    @Test void aNameOfTheUsersOwnAndALogLineStayAsWritten() {
        assertEquals("getaddrinfo ENOTFOUND postgress:5432", read("getaddrinfo ENOTFOUND postgress:5432"));
        assertEquals("the trafik-dashboard service", read("the trafik-dashboard service"));
        assertEquals("open http://trafik.example.com", read("open http://trafik.example.com"));
        assertEquals("my_trafik box", read("my_trafik box"));
        assertEquals("getaddrinfo EAI_AGAIN postgress", read("getaddrinfo EAI_AGAIN postgress"));
        assertEquals("lookup postgress on 127.0.0.11:53: no such host", read("lookup postgress on 127.0.0.11:53: no such host"));
        assertEquals("could not translate host name \"postgress\" to address", read("could not translate host name \"postgress\" to address"));
        assertEquals("the service is named trafik", read("the service is named trafik"));
        assertEquals("Traefik's logs are empty", read("Trafik's logs are empty"));
        assertEquals("ERR trafik gone", read("2024-05-01T10:00:00Z ERR trafik gone")); // (the timestamp is a prefix the reader drops)
        assertEquals("level=error msg=\"postgress down\"", read("level=error msg=\"postgress down\""));
    }

    @Test void aStatusSpokenInWordsIsTheNumber() {
        assertEquals("the site gives a 502", read("the site gives a five-oh-two"));
        assertEquals("404 on every page", read("four oh four on every page"));
        assertEquals("Error 503", read("Error five zero three"));
        assertEquals("error 502", read("error five hundred and two"));
        assertEquals("a 500 error", read("a five hundred error"));
        assertEquals("cloudflare 521 error", read("cloudflare five twenty-one error"));
        assertEquals("got 404 page", read("got four hundred and four page"));
    }

    @Test void aCountIsNoStatus() {
        assertEquals("five hundred users a day", read("five hundred users a day"));
        assertEquals("four twenty", read("four twenty"));
        assertEquals("five oh", read("five oh"));
        assertEquals("four o'clock", read("four o'clock"));
        assertEquals("five or six containers", read("five or six containers"));
    }

    @Test void excerptsQuoteTheOriginalWords() {
        TextReader.Reading r = TextReader.read("Trafik says five-oh-two now");
        int at = r.text().indexOf("502");
        assertEquals("five-oh-two", r.originalSpan(at, at + 3));
        assertEquals("Trafik", r.originalSpan(0, "Traefik".length()));
    }

    @Test void theListHoldsNoNameAndLooksUpAsTyped() {
        assertNull(ProseWords.nearName("traefik"));
        assertNull(ProseWords.nearName("cloudflare"));
        assertEquals("traefik", ProseWords.nearName("TRAFIK"));
        assertNull(ProseWords.nearName("redid"));
    }
}
