package org.zhiban.roster;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.internal.CalendarFeedRepository;
import org.zhiban.roster.internal.CalendarFeedRepository.FeedRow;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.roster.internal.RosterRepository.CrewRow;
import org.zhiban.roster.internal.RosterRepository.PersonShiftRow;
import org.zhiban.shared.Actor;
import org.zhiban.shared.SecretTokens;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * A person's published shifts as an iCalendar feed that a phone's calendar subscribes to, at an address holding a
 * secret token. Each person has at most one live address: making a new one revokes the old, and revoking stops it at
 * once. The feed names who else is on the shift but no phone numbers, since it leaves the system unauthenticated.
 */
@Service
public class CalendarFeeds {

    /** Past shifts stay visible for a month; published rosters reach at most two months ahead. */
    static final Duration PAST = Duration.ofDays(31);
    static final Duration AHEAD = Duration.ofDays(92);
    /** A calendar app polls every few minutes to hours; recording every read would turn reads into writes. */
    private static final Duration READ_MARK_INTERVAL = Duration.ofMinutes(10);

    private final CalendarFeedRepository feeds;
    private final RosterRepository rosters;
    private final UnitTree unitTree;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarFeeds(CalendarFeedRepository feeds, RosterRepository rosters, UnitTree unitTree, Accounts accounts,
            AuditTrail audit, Clock clock) {
        this.feeds = feeds;
        this.rosters = rosters;
        this.unitTree = unitTree;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new address for the actor's own duty calendar; the previous one, if any, stops working. */
    @Transactional
    public IssuedFeed issue(Actor actor) {
        UUID personId = requirePerson(actor);
        Instant now = clock.instant();
        feeds.ofPerson(personId).stream().filter(f -> f.revokedAt() == null)
                .forEach(f -> feeds.revoke(f.id(), now, actor.username()));
        String token = SecretTokens.generate();
        UUID id = UUID.randomUUID();
        feeds.insert(id, personId, SecretTokens.hash(token), now, actor.username());
        audit.record("CALENDAR_FEED_ISSUED", "calendar-feed:" + id, AuditOutcome.SUCCESS, "生成值班日历订阅地址");
        return new IssuedFeed(view(feeds.find(id).orElseThrow()), token);
    }

    @Transactional(readOnly = true)
    public List<CalendarFeed> mine(Actor actor) {
        return feeds.ofPerson(requirePerson(actor)).stream().map(CalendarFeeds::view).toList();
    }

    @Transactional
    public void revoke(Actor actor, UUID feedId) {
        UUID personId = requirePerson(actor);
        FeedRow feed = feeds.find(feedId).filter(f -> f.personId().equals(personId))
                .orElseThrow(() -> ZhibanException.notFound("CALENDAR_FEED_NOT_FOUND", "没有这个日历订阅：" + feedId));
        if (feeds.revoke(feed.id(), clock.instant(), actor.username())) {
            audit.record("CALENDAR_FEED_REVOKED", "calendar-feed:" + feedId, AuditOutcome.SUCCESS, "停用值班日历订阅地址");
        }
    }

    /** The actor's published shifts from a month back to three months ahead, with who else stands each. */
    @Transactional(readOnly = true)
    public List<PersonalShift> myShifts(Actor actor) {
        return shiftsOf(requirePerson(actor));
    }

    /**
     * The calendar behind a token, or empty when the token is unknown or revoked, or no enabled account is linked
     * to its person any more (someone who has left stops receiving the roster without anyone remembering to revoke).
     */
    @Transactional
    public Optional<String> render(String token) {
        Instant now = clock.instant();
        Optional<FeedRow> found = feeds.live(SecretTokens.hash(token));
        Optional<Account> owner = found.flatMap(f -> accounts.linkedTo(f.personId()).stream()
                .filter(Account::enabled).findFirst());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        FeedRow feed = found.get();
        if (feed.lastReadAt() == null || !now.isBefore(feed.lastReadAt().plus(READ_MARK_INTERVAL))) {
            feeds.read(feed.id(), now);
        }
        String name = unitTree.findPerson(feed.personId()).map(Person::name).orElse("");
        List<PersonalShift> shifts = shiftsOf(feed.personId());
        // An export like any download; fetched without a session, so recorded against the feed's owner.
        audit.record(new AuditSubject(owner.get().id(), owner.get().username(), owner.get().unitId()), "EXPORTED",
                "calendar-feed:" + feed.id(), AuditOutcome.SUCCESS, "值班日历订阅被读取：" + shifts.size() + " 个班次");
        return Optional.of(ics(name, shifts, now));
    }

    private List<PersonalShift> shiftsOf(UUID personId) {
        Instant now = clock.instant();
        List<PersonShiftRow> rows = rosters.shiftsOfPerson(personId, now.minus(PAST), now.plus(AHEAD));
        Map<UUID, List<CrewRow>> crews = rosters.crews(rows.stream().map(PersonShiftRow::shiftId).toList()).stream()
                .collect(Collectors.groupingBy(CrewRow::shiftId));
        Map<UUID, Unit> units = unitTree.findAll(rows.stream().map(PersonShiftRow::unitId).distinct().toList())
                .stream().collect(Collectors.toMap(Unit::id, u -> u));
        return rows.stream().map(r -> {
            List<CrewRow> crew = crews.getOrDefault(r.shiftId(), List.of()).stream()
                    .filter(c -> !c.personId().equals(personId)).toList();
            Unit unit = units.get(r.unitId());
            return new PersonalShift(r.shiftId(), r.unitId(), unit.name(), unit.dutyPhone(), r.name(), r.role(),
                    Zones.china(r.start()), Zones.china(r.end()),
                    crew.stream().filter(c -> c.role() == DutyRole.LEADER).map(CrewRow::name).toList(),
                    crew.stream().filter(c -> c.role() == DutyRole.OFFICER).map(CrewRow::name).toList());
        }).toList();
    }

    /** RFC 5545 text: times in UTC, so that no calendar app has to know China's time zone rules. */
    static String ics(String personName, List<PersonalShift> shifts, Instant stamp) {
        Calendar calendar = new Calendar().withProdId("-//Zhiban//Duty roster//ZH").withDefaults()
                .withProperty(new XProperty("X-WR-CALNAME", personName + "的值班"))
                .withProperty(new XProperty("X-WR-TIMEZONE", Zones.CHINA.getId()))
                .getFluentTarget();
        for (PersonalShift shift : shifts) {
            VEvent event = new VEvent(false);
            event.withProperty(new Uid(shift.shiftId() + "@zhiban"))
                    .withProperty(new DtStamp(stamp))
                    .withProperty(new DtStart<>(shift.start().toInstant()))
                    .withProperty(new DtEnd<>(shift.end().toInstant()))
                    .withProperty(new Summary(shift.summary()))
                    .withProperty(new Location(shift.unitName()))
                    .withProperty(new Description(shift.description()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        }
        catch (IOException | ValidationException e) {
            throw new IllegalStateException("值班日历生成失败", e);
        }
        return ContentLines.foldByOctets(out.toString());
    }

    private UUID requirePerson(Actor actor) {
        return Optional.ofNullable(actor.accountId()).flatMap(accounts::personOf)
                .orElseThrow(() -> ZhibanException.conflict("ACCOUNT_WITHOUT_PERSON",
                        "当前账号未关联人员，没有个人值班日历；请系统管理员为账号关联人员"));
    }

    private static CalendarFeed view(FeedRow row) {
        return new CalendarFeed(row.id(), Zones.china(row.createdAt()),
                row.lastReadAt() == null ? null : Zones.china(row.lastReadAt()),
                row.revokedAt() == null ? null : Zones.china(row.revokedAt()));
    }

    /** One of the person's shifts, with the others standing it. */
    public record PersonalShift(UUID shiftId, UUID unitId, String unitName, String dutyPhone, String shiftName,
            DutyRole role, OffsetDateTime start, OffsetDateTime end, List<String> leaders,
            List<String> officers) {

        String summary() {
            return "值班：" + unitName + " " + shiftName + "（" + role.label() + "）";
        }

        String description() {
            StringBuilder text = new StringBuilder();
            if (!leaders.isEmpty()) {
                text.append("带班领导：").append(String.join("、", leaders)).append('\n');
            }
            if (!officers.isEmpty()) {
                text.append("值班员：").append(String.join("、", officers)).append('\n');
            }
            if (dutyPhone != null && !dutyPhone.isBlank()) {
                text.append("值班电话：").append(dutyPhone).append('\n');
            }
            return text.append("以系统中已发布的值班表为准。").toString();
        }
    }

    public record CalendarFeed(UUID id, OffsetDateTime createdAt, OffsetDateTime lastReadAt,
            OffsetDateTime revokedAt) {

        public boolean live() {
            return revokedAt == null;
        }
    }

    /** A feed just made, with its token: shown this once, never stored. */
    public record IssuedFeed(CalendarFeed feed, String token) {
    }
}
