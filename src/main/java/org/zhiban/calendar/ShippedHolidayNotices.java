package org.zhiban.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Loads the holiday notices that ship with the application (classpath {@code calendar/cn-YYYY.txt}) into a
 * database that lacks them, at every start, in production as in trial mode. A year an administrator has loaded
 * or corrected is left as it is.
 */
@Component
@Order(-10)
class ShippedHolidayNotices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedHolidayNotices.class);
    private static final Pattern FILE = Pattern.compile("cn-(\\d{4})\\.txt");

    private final WorkingCalendar calendar;

    ShippedHolidayNotices(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:calendar/cn-*.txt")) {
            Matcher m = FILE.matcher(resource.getFilename());
            if (!m.matches()) {
                continue;
            }
            HolidayNotice notice = HolidayNotice.parse(Integer.parseInt(m.group(1)), read(resource));
            try {
                if (calendar.loadShippedNotice(notice)) {
                    log.info("Loaded the shipped holiday notice for {}", notice.year());
                }
            }
            catch (DuplicateKeyException anotherInstanceWasFaster) {
                log.debug("Holiday notice {} loaded by another instance", notice.year());
            }
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
