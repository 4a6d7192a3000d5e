package org.zhiban.dutylog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.dutylog.internal.DutyLogRepository.Counter;
import org.zhiban.dutylog.internal.DutyLogRepository.EntryRow;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Writing the duty log book: each entry of the acting duty officer's unit, numbered per year without gaps, never
 * deleted — a correction is a new version, the old one kept — and chained by hash per unit and year.
 */
@Service
public class DutyLog {

    /** With no shift on the roster, an entry may still be written for what happened in the last day. */
    static final Duration WITHOUT_SHIFT = Duration.ofHours(24);

    private final DutyLogRepository repository;
    private final OnDuty onDuty;
    private final UnitScope scope;
    private final UnitTree unitTree;
    private final DutyPolicies policies;
    private final Attachments attachments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;
    private final ObjectProvider<ShiftsStillOpen> shiftsStillOpen;
    private final Accounts accounts;
    private final ChainHash hashes;
    private final Clock clock;

    DutyLog(DutyLogRepository repository, OnDuty onDuty, UnitScope scope, UnitTree unitTree, DutyPolicies policies,
            Attachments attachments, AuditTrail audit,
            ApplicationEventPublisher events, PlatformTransactionManager transactions,
            ObjectProvider<ShiftsStillOpen> shiftsStillOpen, Accounts accounts, ChainHash hashes, Clock clock) {
        this.repository = repository;
        this.hashes = hashes;
        this.accounts = accounts;
        this.shiftsStillOpen = shiftsStillOpen;
        this.onDuty = onDuty;
        this.scope = scope;
        this.unitTree = unitTree;
        this.policies = policies;
        this.attachments = attachments;
        this.audit = audit;
        this.events = events;
        // A savepoint on the writer's own connection, not a transaction of its own: a second connection per writer
        // starved the pool when as many writers as it holds began a year at once, and stalled the instance.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Writes a new entry in the actor's unit's log book. */
    @Transactional
    public DutyLogEntry record(Actor actor, EntryCommand command) {
        UUID unitId = requireDutyOfficer(actor);
        Instant now = clock.instant();
        Secrecy.requireNotClassified(command.classified());
        FieldChecks checks = new FieldChecks();
        Instant occurredAt = checks.check(() -> requireWithinShift(unitId, command.occurredAt() == null ? now
                : command.occurredAt().toInstant(), now));
        requireComplete(command, checks);
        checks.done();
        int year = LocalDate.ofInstant(occurredAt, Zones.CHINA).getYear();
        Counter counter = lockCounter(unitId, year);
        int number = counter.lastNumber() + 1;
        EntryRow row = append(unitId, year, counter, UUID.randomUUID(), number, 1, occurredAt, command, null, actor,
                now, writtenFor(unitId, occurredAt, actor));
        repository.advance(unitId, year, counter.advancedTo(number, row.chainSeq(), row.hash()));
        return recorded(row, "DUTY_LOG_RECORDED", timeEdited(now.truncatedTo(ChronoUnit.MINUTES), occurredAt,
                "录入于 "));
    }

    /** A time set by hand is audited with the time it replaced (the minute of writing, or the earlier version's). */
    static String timeEdited(Instant replaced, Instant set, String replacedLabel) {
        return replaced.equals(set) ? "" : "；时间填为 " + Zones.MINUTE.format(set) + "（" + replacedLabel
                + Zones.MINUTE.format(replaced) + "）";
    }

    /** Writes a new entry with files attached; a file refused refuses the entry too, and nothing is written. */
    @Transactional
    public DutyLogEntry record(Actor actor, EntryCommand command, List<Upload> uploads) {
        uploads.forEach(Attachments::requireAllowed);
        DutyLogEntry entry = record(actor, command);
        uploads.forEach(upload -> attachments.attach(actor, entry.id(), upload));
        return entry;
    }

    /** Corrects an entry: a new version with the reason; every earlier version stays and is shown. */
    @Transactional
    public DutyLogEntry correct(Actor actor, UUID entryId, EntryCommand command) {
        UUID unitId = requireDutyOfficer(actor);
        List<EntryRow> versions = repository.versions(entryId);
        if (versions.isEmpty()) {
            throw notFound(entryId);
        }
        scope.requireVisible(actor, versions.get(0).unitId(), () -> notFound(entryId));
        if (!versions.get(0).unitId().equals(unitId)) {
            throw ZhibanException.forbidden("NOT_OWN_LOG", "只能更正本单位值班日志中的记录");
        }
        EntryRow last = versions.get(versions.size() - 1);
        Secrecy.requireNotClassified(command.classified());
        FieldChecks checks = new FieldChecks();
        checks.require(!blank(command.correctionNote()), "correctionNote", "更正须说明原因");
        requireComplete(command, checks);
        Instant occurredAt = command.occurredAt() == null
                || command.occurredAt().toInstant().truncatedTo(ChronoUnit.MINUTES).equals(last.occurredAt())
                ? last.occurredAt()
                : checks.check(() -> requireWithinShift(unitId, command.occurredAt().toInstant(), clock.instant()));
        checks.done();
        Counter counter = lockCounter(unitId, last.year());
        EntryRow row = append(unitId, last.year(), counter, entryId, last.number(), last.version() + 1, occurredAt,
                command, command.correctionNote().trim(), actor, clock.instant(), writtenFor(unitId, occurredAt, actor));
        repository.advance(unitId, last.year(), counter.advancedTo(counter.lastNumber(), row.chainSeq(), row.hash()));
        return recorded(row, "DUTY_LOG_CORRECTED", timeEdited(last.occurredAt(), occurredAt, "原为 "));
    }

    /** Every version of an entry, oldest first. */
    @Transactional(readOnly = true)
    public List<DutyLogEntry> versions(Actor actor, UUID entryId) {
        List<EntryRow> versions = repository.versions(entryId);
        if (versions.isEmpty()) {
            throw notFound(entryId);
        }
        scope.requireVisible(actor, versions.get(0).unitId(), () -> notFound(entryId));
        return versions.stream().map(DutyLog::view).toList();
    }

    /** A unit's log book of a year, latest version of each entry, by number. */
    @Transactional(readOnly = true)
    public List<DutyLogEntry> logBook(Actor actor, UUID unitId, int year) {
        scope.requireVisible(actor, unitId);
        AcceptedDates.requireYear("year", year, clock);
        return repository.latest(unitId, year).stream().map(DutyLog::view).toList();
    }

    /**
     * A year's log book as archived: each entry's latest version with the earlier ones kept beside it, the chain
     * check, and how long the book must be kept under the unit's policy.
     */
    @Transactional(readOnly = true)
    public LogBook book(Actor actor, UUID unitId, int year) {
        scope.requireVisible(actor, unitId);
        AcceptedDates.requireYear("year", year, clock);
        List<LogBook.Page> pages = new ArrayList<>();
        List<DutyLogEntry> versions = new ArrayList<>();
        List<EntryRow> rows = repository.allVersions(unitId, year);
        Map<String, String> recorders = accounts.personNames(rows.stream().map(EntryRow::recordedBy)
                .collect(Collectors.toSet()));
        for (int i = 0; i < rows.size(); i++) {
            versions.add(view(rows.get(i)));
            if (i == rows.size() - 1 || rows.get(i + 1).number() != rows.get(i).number()) {
                DutyLogEntry latest = versions.remove(versions.size() - 1);
                pages.add(new LogBook.Page(latest, List.copyOf(versions), recorders.getOrDefault(latest.recordedBy(),
                        latest.recordedBy())));
                versions.clear();
            }
        }
        String unitName = unitTree.find(unitId).map(Unit::name).orElse("");
        int currentYear = LocalDate.ofInstant(clock.instant(), Zones.CHINA).getYear();
        return new LogBook(unitId, unitName, year, year < currentYear, pages, checkChain(actor, unitId, year),
                retention(policies.effective(unitId), year));
    }

    /** The years of a unit's log book, newest first, each with its number of entries and how long it is kept. */
    @Transactional(readOnly = true)
    public List<LogYear> years(Actor actor, UUID unitId) {
        scope.requireVisible(actor, unitId);
        int currentYear = LocalDate.ofInstant(clock.instant(), Zones.CHINA).getYear();
        EffectivePolicy policy = policies.effective(unitId);
        return repository.years(unitId).stream().map(year -> new LogYear(year[0], year[1], year[0] < currentYear,
                retention(policy, year[0]))).toList();
    }

    /**
     * A year's book is kept as the unit's policy says: long-term where it asks that, else at least its period after
     * the year ends (龙政办〔2023〕2号 六（二）: 保存 1 年以上), a period of whole years stated in years as regulations
     * state it. A value the regulation does not give is stated as the local default it is. Nothing is ever deleted;
     * the statement tells an inspector how long the rules ask. Empty when the policy is silent.
     */
    static Optional<LogBook.Retention> retention(EffectivePolicy policy, int year) {
        return policy.rule(RuleKey.DUTYLOG_LONG_TERM).filter(rule -> rule.ruleValue().asBoolean())
                .map(rule -> kept(rule, "长期保存", null))
                .or(() -> policy.rule(RuleKey.DUTYLOG_RETENTION).map(rule -> {
                    int days = rule.ruleValue().asInt();
                    boolean wholeYears = days > 0 && days % 365 == 0;
                    LocalDate yearEnd = LocalDate.of(year, 12, 31);
                    LocalDate until = wholeYears ? yearEnd.plusYears(days / 365) : yearEnd.plusDays(days);
                    return kept(rule, "保存" + (wholeYears ? days / 365 + "年" : days + "天") + "以上，至少至 " + until,
                            until);
                }));
    }

    private static LogBook.Retention kept(EffectiveRule rule, String period, LocalDate until) {
        String statement = rule.toBeConfirmed() ? "本地默认：" + period + "（" + rule.citation() + "未明确，待当地确认）"
                : period + EffectiveRule.cited(rule.citation());
        return new LogBook.Retention(statement, until, rule.citation(), rule.toBeConfirmed());
    }

    /** The entries written since the shift on duty began (the last day when none is rostered), newest first. */
    @Transactional(readOnly = true)
    public List<DutyLogEntry> currentShift(Actor actor) {
        return repository.latestSince(actor.unitId(), shiftStart(actor.unitId(), clock.instant())).stream()
                .map(DutyLog::view).toList();
    }

    /** Every entry of the actor's unit still pending, tracked or watched, oldest first: they pass from shift to shift. */
    @Transactional(readOnly = true)
    public List<DutyLogEntry> openEntries(Actor actor) {
        return repository.open(actor.unitId()).stream().map(DutyLog::view).toList();
    }

    /**
     * Searches a unit's log book — or, for a superior, its whole subtree's — newest first: the text anywhere in an
     * entry's elements (暴雨 finds 昨夜暴雨导致…), by kind, by date range (China dates, both ends included), by caller.
     */
    @Transactional(readOnly = true)
    public List<DutyLogEntry> search(Actor actor, LogSearch search) {
        UUID unitId = search.unitId() != null ? search.unitId() : actor.unitId();
        if (unitId == null) {
            throw ZhibanException.invalidField("unitId", "请选择单位");
        }
        scope.requireVisible(actor, unitId);
        FieldChecks checks = new FieldChecks();
        checks.check(() -> AcceptedDates.requireDate("from", search.from(), clock));
        checks.check(() -> AcceptedDates.requireDate("to", search.to(), clock));
        checks.require(search.from() == null || search.to() == null || !search.from().isAfter(search.to()), "from",
                "开始日期不能晚于结束日期");
        int limit = search.limit() == null ? LogSearch.DEFAULT_LIMIT : search.limit();
        checks.require(limit >= 1 && limit <= LogSearch.MAX_LIMIT, "limit", "每次返回 1 至 " + LogSearch.MAX_LIMIT + " 条");
        requireLength(checks, "text", search.text(), 100);
        requireLength(checks, "caller", search.caller(), 50);
        checks.done();
        return repository.search(unitId, Reach.of(search.subordinates()), trim(search.text()), search.kind(),
                search.from() == null ? null : search.from().atStartOfDay(Zones.CHINA).toInstant(),
                search.to() == null ? null : search.to().plusDays(1).atStartOfDay(Zones.CHINA).toInstant(),
                trim(search.caller()), limit).stream().map(DutyLog::view).toList();
    }

    /**
     * What stands in the actor's unit's log at a shift's end: every entry still pending, tracked or watched, and
     * those settled since the shift began, for the handover.
     */
    @Transactional(readOnly = true)
    public Standing standing(Actor actor, Instant shiftStart) {
        return new Standing(openEntries(actor),
                repository.settledSince(actor.unitId(), shiftStart).stream().map(DutyLog::view).toList());
    }

    /** Recomputes the year's chain: any row changed, removed or inserted in the database is named. */
    @Transactional(readOnly = true)
    public ChainCheck checkChain(Actor actor, UUID unitId, int year) {
        scope.requireVisible(actor, unitId);
        AcceptedDates.requireYear("year", year, clock);
        Optional<Counter> counter = repository.counter(unitId, year);
        LogBookChainVerifier verifier = verifier(counter);
        repository.forEachInChainOrder(unitId, year, verifier);
        List<String> breaks = verifier.finish(counter);
        return new ChainCheck(unitId, year, verifier.algorithm(), verifier.checked(), breaks.isEmpty(), breaks);
    }

    /**
     * Re-seals a year's chain still hashed with plain SHA-256 with HMAC-SM3, once (ADR 0023): each row hashed again in
     * the order written, the first onto the old chain's final value, which the counter keeps as genesis. A chain that
     * does not hold is left as it is, since re-sealing it would hide what was changed.
     *
     * @return how many rows were re-sealed, or -1 for a chain left unsealed because it does not hold
     */
    @Transactional
    public int resealOnce(UUID unitId, int year) {
        Counter counter = repository.lockCounter(unitId, year).orElseThrow();
        if (ChainHash.HMAC_SM3.equals(counter.algorithm())) {
            return 0;
        }
        List<EntryRow> rows = new ArrayList<>();
        LogBookChainVerifier verifier = verifier(Optional.of(counter));
        repository.forEachInChainOrder(unitId, year, row -> {
            verifier.accept(row);
            rows.add(row);
        });
        if (!verifier.finish(Optional.of(counter)).isEmpty()) {
            return -1;
        }
        List<EntryRow> resealed = new ArrayList<>(rows.size());
        String previous = counter.lastHash();
        for (EntryRow row : rows) {
            EntryRow linked = withHash(row.linkedTo(previous), ChainHash.HMAC_SM3);
            resealed.add(linked);
            previous = linked.hash();
        }
        repository.reseal(unitId, year, resealed, ChainHash.HMAC_SM3, counter.lastHash(), previous);
        return resealed.size();
    }

    private LogBookChainVerifier verifier(Optional<Counter> counter) {
        return new LogBookChainVerifier(hashes, counter.map(Counter::algorithm).orElse(ChainHash.HMAC_SM3),
                counter.map(Counter::genesis).orElse(ChainHash.GENESIS));
    }

    private EntryRow append(UUID unitId, int year, Counter counter, UUID entryId, int number, int version,
            Instant occurredAt, EntryCommand command, String note, Actor actor, Instant now, Optional<String> writtenFor) {
        EntryRow unhashed = new EntryRow(UUID.randomUUID(), entryId, unitId, year, number, version,
                counter.lastSeq() + 1, command.kind(), occurredAt, trim(command.place()), command.summary().trim(),
                trim(command.callerName()), trim(command.callerUnit()), trim(command.callerPhone()),
                trim(command.responsibleUnit()), trim(command.handling()), trim(command.outcome()),
                command.followUp() == null ? FollowUp.DONE : command.followUp(), note, now, actor.username(),
                counter.lastHash(), null, writtenFor.map(f -> actor.displayName()).orElse(null), writtenFor.orElse(null));
        EntryRow row = withHash(unhashed, counter.algorithm());
        repository.insert(row);
        repository.index(row);
        return row;
    }

    private DutyLogEntry recorded(EntryRow row, String action, String timeEdited) {
        DutyLogEntry entry = view(row);
        audit.record(action, "duty-log:" + row.entryId(), AuditOutcome.SUCCESS,
                entry.number() + " " + row.kind().label() + timeEdited);
        events.publishEvent(new DutyLogEntryRecorded(row.entryId(), row.unitId(), entry.number(), row.version(),
                row.kind(), row.followUp()));
        return entry;
    }

    /** The year's counter, created on the year's first entry in a transaction of its own, then locked in ours. */
    private Counter lockCounter(UUID unitId, int year) {
        return repository.lockCounter(unitId, year).orElseGet(() -> {
            try {
                savepoint.executeWithoutResult(status -> repository.createCounter(unitId, year, ChainHash.GENESIS));
            }
            catch (DuplicateKeyException createdByAnotherWriter) {
                // Another writer made it between our look and our insert: it is there now either way.
            }
            return repository.lockCounter(unitId, year).orElseThrow();
        });
    }

    /** Duty-log entries are written by duty officers (and the office head) of their own unit. */
    private UUID requireDutyOfficer(Actor actor) {
        if (!actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有值班员可以记录值班日志");
        }
        return actor.unitId();
    }

    /**
     * The time is to the minute and lies within the shift on duty now (or, with no shift rostered, the last day),
     * never in the future — 宝政办发〔2022〕43号 第十一条 (记录时间应具体到分钟).
     */
    Instant requireWithinShift(UUID unitId, Instant occurredAt, Instant now) {
        Instant minute = occurredAt.truncatedTo(ChronoUnit.MINUTES);
        Instant earliest = shiftStart(unitId, now);
        if (minute.isAfter(now) || minute.isBefore(earliest.truncatedTo(ChronoUnit.MINUTES))) {
            throw ZhibanException.invalidField("occurredAt", "时间应在本班次内（" + Zones.MINUTE.format(earliest) + " 至 "
                    + Zones.MINUTE.format(now) + "）");
        }
        return minute;
    }

    /** The current shift's start, or an earlier shift's when it has not been handed over yet. */
    private Instant shiftStart(UUID unitId, Instant now) {
        OnDuty.View current = onDuty.current(unitId, now);
        if (current.shift() == null) {
            return now.minus(WITHOUT_SHIFT);
        }
        Instant start = current.shift().start().toInstant();
        ShiftsStillOpen open = shiftsStillOpen.getIfAvailable();
        return Optional.ofNullable(open).flatMap(o -> o.openSince(unitId, start)).orElse(start);
    }

    /**
     * The log is the shift's duty officers' record (宝政办发〔2022〕43号 第十一条): an entry written by anyone else — the
     * office head, an officer of another shift — says who wrote it for whom. Empty when the writer is one of the
     * officers on duty at the entry's time; otherwise the officers it was written for.
     */
    Optional<String> writtenFor(UUID unitId, Instant occurredAt, Actor actor) {
        List<OnDuty.PersonOnDuty> officers = onDuty.current(unitId, occurredAt).dutyOfficers();
        UUID writer = actor.accountId() == null ? null : accounts.personOf(actor.accountId()).orElse(null);
        return writtenFor(officers, writer);
    }

    static Optional<String> writtenFor(List<OnDuty.PersonOnDuty> officers, UUID writer) {
        if (writer != null && officers.stream().anyMatch(o -> o.personId().equals(writer))) {
            return Optional.empty();
        }
        return Optional.of(officers.isEmpty() ? "本班值班员（未排班）" : "本班值班员 " + officerNames(officers));
    }

    /** The stored 代记 note holds 100 characters; a shift of many long names is named by its first and a count. */
    static final int WRITTEN_FOR_LENGTH = 100;

    private static String officerNames(List<OnDuty.PersonOnDuty> officers) {
        String all = String.join("、", officers.stream().map(OnDuty.PersonOnDuty::name).toList());
        if ("本班值班员 ".length() + all.length() <= WRITTEN_FOR_LENGTH) {
            return all;
        }
        String first = officers.get(0).name();
        return first.substring(0, Math.min(first.length(), WRITTEN_FOR_LENGTH - 20)) + " 等 " + officers.size() + " 人";
    }

    /**
     * The elements an entry must have (要素齐全 — 宝政办发〔2022〕43号 第十一条; 龙政办〔2023〕2号 六（二）). The messages
     * state the rule and name no article: every unit writes entries, whatever regulation governs it. Every missing
     * element is named at once.
     */
    static void requireComplete(EntryCommand command, FieldChecks checks) {
        checks.require(command.kind() != null, "kind", "请选择记录类别");
        checks.require(!blank(command.summary()), "summary", "请填写事由：值班记录须要素齐全");
        checks.require(command.kind() == null || !command.kind().isCall() || !blank(command.callerName())
                && !(blank(command.callerUnit()) && blank(command.callerPhone())), "callerName",
                "电话记录须写明来电人及其单位或号码");
        requireLength(checks, "summary", command.summary(), 4000);
        requireLength(checks, "handling", command.handling(), 4000);
        requireLength(checks, "outcome", command.outcome(), 2000);
        requireLength(checks, "place", command.place(), 200);
        requireLength(checks, "callerName", command.callerName(), 50);
        requireLength(checks, "callerUnit", command.callerUnit(), 100);
        requireLength(checks, "callerPhone", command.callerPhone(), 30);
        requireLength(checks, "responsibleUnit", command.responsibleUnit(), 100);
        requireLength(checks, "correctionNote", command.correctionNote(), 500);
    }

    private static void requireLength(FieldChecks checks, String field, String value, int max) {
        checks.require(value == null || value.trim().length() <= max, field, "不超过 " + max + " 个字");
    }

    private EntryRow withHash(EntryRow row, String algorithm) {
        return new EntryRow(row.id(), row.entryId(), row.unitId(), row.year(), row.number(), row.version(),
                row.chainSeq(), row.kind(), row.occurredAt(), row.place(), row.summary(), row.callerName(),
                row.callerUnit(), row.callerPhone(), row.responsibleUnit(), row.handling(), row.outcome(),
                row.followUp(), row.correctionNote(), row.recordedAt(), row.recordedBy(), row.prevHash(),
                hash(hashes, algorithm, row), row.writtenByName(), row.writtenForName());
    }

    /** Who wrote for whom is chained too; entries written by the shift's officer hash as they always did. */
    static String hash(ChainHash hashes, String algorithm, EntryRow row) {
        String hash = hashes.of(algorithm, row.id().toString(), row.entryId().toString(), row.unitId().toString(),
                Integer.toString(row.year()), Integer.toString(row.number()), Integer.toString(row.version()),
                Integer.toString(row.chainSeq()), row.kind().name(), Long.toString(row.occurredAt().toEpochMilli()),
                row.place(), row.summary(), row.callerName(), row.callerUnit(), row.callerPhone(),
                row.responsibleUnit(), row.handling(), row.outcome(), row.followUp().name(), row.correctionNote(),
                Long.toString(row.recordedAt().toEpochMilli()), row.recordedBy(), row.prevHash());
        return row.writtenForName() == null ? hash : hashes.of(algorithm, hash, row.writtenByName(), row.writtenForName());
    }

    private static DutyLogEntry view(EntryRow row) {
        return new DutyLogEntry(row.entryId(), row.unitId(), DutyLogEntry.number(row.year(), row.number()), row.year(),
                row.number(), row.version(), row.kind(), Zones.china(row.occurredAt()), row.place(), row.summary(),
                row.callerName(), row.callerUnit(), row.callerPhone(), row.responsibleUnit(), row.handling(),
                row.outcome(), row.followUp(), row.correctionNote(), Zones.china(row.recordedAt()), row.recordedBy(),
                row.writtenByName(), row.writtenForName());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    private static ZhibanException notFound(UUID entryId) {
        return ZhibanException.notFound("DUTY_LOG_ENTRY_NOT_FOUND", "值班日志记录不存在：" + entryId);
    }

    /** Entries still open, and those settled during a shift. */
    public record Standing(List<DutyLogEntry> open, List<DutyLogEntry> settled) {
    }

    /** The result of a chain check: the algorithm the chain is sealed with, how many rows, each break found. */
    public record ChainCheck(UUID unitId, int year, String algorithm, int checked, boolean intact, List<String> breaks) {
    }
}
