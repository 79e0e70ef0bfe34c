package org.cticache.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a page of the WAR asks the browser to load next. */
public final class Html {

    private static final Pattern REFERENCE = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    private Html() {
    }

    /** The files a page names in its {@code href} and {@code src} attributes, in the order it names them. */
    public static List<String> referencedFiles(String html) {
        List<String> files = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(html);
        while (reference.find()) {
            files.add(reference.group(1));
        }
        return files;
    }
}
