package org.zhiban.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The statutory days off of 全国年节及纪念日放假办法 (as revised in 2024, 第二条), for years whose notice is not
 * loaded yet: 元旦 1 day; 春节 4 days (除夕 to 正月初三); 清明节 1 day; 劳动节 2 days (5月1日、2日); 端午节 1 day;
 * 中秋节 1 day; 国庆节 3 days (10月1日至3日). Lunar dates and the 清明 solar term come from the lunar library
 * (cn.6tail), whose new-moon and solar-term tables follow the Purple Mountain Observatory's reckoning.
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    /** The statutory days off of a year, by date, with the holiday's name. */
    public static Map<LocalDate, String> daysOff(int year) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LunarDates lunar = LunarDates.of(year);
        for (int i = -1; i <= 2; i++) {
            days.put(lunar.springFestival().plusDays(i), "春节");
        }
        days.put(lunar.qingming(), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        days.put(LocalDate.of(year, 5, 2), "劳动节");
        days.put(lunar.dragonBoat(), "端午节");
        days.put(lunar.midAutumn(), "中秋节");
        for (int day = 1; day <= 3; day++) {
            days.put(LocalDate.of(year, 10, day), "国庆节");
        }
        return days;
    }

    /** 正月初一, the 清明 solar term, 五月初五 and 八月十五 of the lunar year that begins in the given year. */
    record LunarDates(LocalDate springFestival, LocalDate qingming, LocalDate dragonBoat, LocalDate midAutumn) {

        static LunarDates of(int year) {
            return new LunarDates(date(Lunar.fromYmd(year, 1, 1).getSolar()),
                    date(Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明")),
                    date(Lunar.fromYmd(year, 5, 5).getSolar()), date(Lunar.fromYmd(year, 8, 15).getSolar()));
        }

        private static LocalDate date(Solar solar) {
            return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
        }
    }
}
