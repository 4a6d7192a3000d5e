package org.zhiban.dutylog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.dutylog.internal.AttachmentRepository;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.organization.UnitScope;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Files attached to entries: checked by name and content, limited in size, kept for good. Each file's SHA-256 goes
 * into the chained audit trail, so a file changed in the database no longer matches what was recorded.
 */
@Service
public class Attachments {

    /** Scans, photos and documents of a duty office fit; video does not belong in the log. */
    static final long MAX_SIZE = 10L * 1024 * 1024;

    private final AttachmentRepository repository;
    private final DutyLogRepository entries;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    Attachments(AttachmentRepository repository, DutyLogRepository entries, UnitScope scope, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.entries = entries;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** Attaches a file to an entry of the actor's own unit; a bad file is refused and nothing is kept. */
    @Transactional
    public Attachment attach(Actor actor, UUID entryId, Upload upload) {
        AttachmentType type = requireAllowed(upload);
        if (!actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有值班员可以上传附件");
        }
        boolean ownEntry = entries.versions(entryId).stream().findFirst()
                .filter(row -> row.unitId().equals(actor.unitId())).isPresent();
        if (!ownEntry) {
            throw ZhibanException.notFound("DUTY_LOG_ENTRY_NOT_FOUND", "值班日志记录不存在：" + entryId);
        }
        Attachment attachment = new Attachment(UUID.randomUUID(), entryId, upload.fileName().strip(),
                type.contentType(), upload.content().length, sha256(upload.content()),
                Zones.china(clock.instant()), actor.username(), upload.sensitive());
        repository.insert(attachment, actor.unitId(), upload.content());
        audit.record("DUTY_LOG_ATTACHED", "duty-log:" + entryId, AuditOutcome.SUCCESS,
                attachment.fileName() + " " + attachment.size() + " 字节 SHA-256 " + attachment.sha256()
                        + (attachment.sensitive() ? "（含个人信息，SM4 加密存放）" : ""));
        return attachment;
    }

    /** The files of an entry, for anyone who may see its unit. */
    @Transactional(readOnly = true)
    public List<Attachment> of(Actor actor, UUID entryId) {
        entries.versions(entryId).stream().findFirst().ifPresent(row -> scope.requireVisible(actor, row.unitId(),
                () -> ZhibanException.notFound("DUTY_LOG_ENTRY_NOT_FOUND", "值班日志记录不存在：" + entryId)));
        return repository.ofEntry(entryId);
    }

    /** The files of several entries of one unit, by entry (an entry without files is absent), in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Attachment>> ofUnitEntries(Actor actor, UUID unitId, List<UUID> entryIds) {
        scope.requireVisible(actor, unitId);
        return entryIds.isEmpty() ? Map.of() : repository.ofEntries(unitId, entryIds).stream()
                .collect(Collectors.groupingBy(Attachment::entryId));
    }

    /** A file with its content; a content that no longer matches its recorded SHA-256 is not handed out. */
    @Transactional(readOnly = true)
    public Stored content(Actor actor, UUID attachmentId) {
        Supplier<ZhibanException> notFound = () -> ZhibanException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在："
                + attachmentId);
        AttachmentRepository.StoredRow row = repository.find(attachmentId).orElseThrow(notFound);
        scope.requireVisible(actor, row.unitId(), notFound);
        if (!sha256(row.content()).equals(row.attachment().sha256())) {
            throw ZhibanException.conflict("ATTACHMENT_ALTERED", "附件内容与上传时的 SHA-256 不一致，可能已被改动");
        }
        return new Stored(row.attachment(), row.content());
    }

    /**
     * Only the kinds a duty office files — by extension and by content, so that a renamed program is refused — and
     * nothing empty or over {@link #MAX_SIZE}.
     */
    static AttachmentType requireAllowed(Upload upload) {
        if (upload.fileName() == null || upload.fileName().isBlank() || upload.fileName().strip().length() > 200) {
            throw ZhibanException.invalidField("file", "附件须有文件名（不超过 200 字）");
        }
        if (upload.content() == null || upload.content().length == 0) {
            throw ZhibanException.invalidField("file", "附件是空文件");
        }
        if (upload.content().length > MAX_SIZE) {
            throw new ZhibanException(413, "ATTACHMENT_TOO_LARGE", "附件不能超过 10 MB（" + upload.fileName().strip()
                    + " 为 " + String.format("%.1f", upload.content().length / 1024.0 / 1024.0) + " MB）",
                    List.of(new ZhibanException.FieldProblem("file", "附件不能超过 10 MB")));
        }
        AttachmentType type = AttachmentType.byName(upload.fileName().strip()).orElseThrow(() -> unsupported(upload,
                "不支持的附件类型"));
        if (!type.matches(upload.content())) {
            throw unsupported(upload, "文件内容与扩展名不符");
        }
        return type;
    }

    private static ZhibanException unsupported(Upload upload, String why) {
        String message = why + "：" + upload.fileName().strip() + "。可上传 " + AttachmentType.allowed();
        return new ZhibanException(415, "ATTACHMENT_TYPE_REFUSED", message,
                List.of(new ZhibanException.FieldProblem("file", message)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file and its content. */
    public record Stored(Attachment attachment, byte[] content) {
    }
}
