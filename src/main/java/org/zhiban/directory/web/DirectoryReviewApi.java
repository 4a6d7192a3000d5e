package org.zhiban.directory.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.directory.DirectoryReview;
import org.zhiban.directory.DirectoryReviews;
import org.zhiban.obligation.Obligations;
import org.zhiban.shared.CurrentActor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "值班通讯录季度检查", description = "每季度最后一周检查更新值班通讯录；时限与条款取自单位适用的值班规范")
@RestController
class DirectoryReviewApi {

    private final DirectoryReviews reviews;

    DirectoryReviewApi(DirectoryReviews reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "本单位近八个季度的值班通讯录检查更新")
    @GetMapping("/api/v1/units/{id}/directory-reviews")
    List<DirectoryReview> history(@PathVariable UUID id) {
        return reviews.history(CurrentActor.require(), id);
    }

    @Operation(summary = "确认本单位值班通讯录已检查更新（信息有误的先在单位、人员信息中修改）：办结已到检查周的各季度检查")
    @PostMapping("/api/v1/units/{id}/directory-reviews")
    List<DirectoryReview> review(@PathVariable UUID id, @RequestBody(required = false) ReviewRequest request) {
        return reviews.review(CurrentActor.require(), id, request == null ? null : request.note());
    }

    @Operation(summary = "下级单位某季度值班通讯录检查情况：按直属下级单位（含其全部下级）统计应检查、已检查、逾期检查、未检查、逾期未检查")
    @GetMapping("/api/v1/units/{id}/directory-reviews/subordinates")
    List<Obligations.KindCounts> subordinates(@PathVariable UUID id,
            @Parameter(description = "季度，如 2026Q4；默认当前季度") @RequestParam(required = false) String quarter) {
        return reviews.subordinates(CurrentActor.require(), id, quarter);
    }

    record ReviewRequest(String note) {
    }
}
