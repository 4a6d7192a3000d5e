// Send the CSRF token with every htmx request, as Spring Security expects for page sessions.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// A session that ended (30 idle minutes) sends htmx requests to the login page: go there as a whole page.
document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && xhr.responseURL.indexOf('/login') >= 0) {
        window.location.href = xhr.responseURL;
    }
});
// The unit tree: a toggle opens a node by loading its children, and closes it again.
document.addEventListener('click', function (event) {
    var toggle = event.target.closest('.zb-tree .toggle');
    if (!toggle) {
        return;
    }
    var children = toggle.parentElement.querySelector('ul');
    var open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
    toggle.textContent = open ? '▸' : '▾';
    if (open) {
        children.innerHTML = '';
    } else {
        htmx.ajax('GET', toggle.dataset.childrenUrl, {target: children, swap: 'innerHTML'});
    }
});
// Live updates: one Server-Sent Events stream per page. A new message raises the unread badge and shows a toast;
// a change in obligations tells the page, whose lists refresh themselves (hx-trigger="obligations-changed from:body").
(function () {
    var shell = document.getElementById('shell');
    if (!shell || !shell.dataset.live || !window.EventSource) {
        return;
    }
    var source = new EventSource(shell.dataset.live);
    source.addEventListener('notification', function (event) {
        var badge = document.getElementById('unread-badge');
        if (badge) {
            badge.textContent = String((parseInt(badge.textContent, 10) || 0) + 1);
            badge.classList.remove('d-none');
        }
        var container = document.getElementById('live-toasts');
        if (container && window.bootstrap) {
            var toast = document.createElement('div');
            toast.className = 'toast text-bg-light border-danger';
            toast.setAttribute('role', 'alert');
            toast.innerHTML = '<div class="toast-header"><strong class="me-auto">新消息</strong>'
                + '<button type="button" class="btn-close" data-bs-dismiss="toast" aria-label="关闭"></button></div>'
                + '<div class="toast-body"></div>';
            toast.querySelector('.toast-body').textContent = event.data;
            container.appendChild(toast);
            new bootstrap.Toast(toast, {delay: 15000}).show();
        }
        document.body.dispatchEvent(new CustomEvent('notification-received'));
    });
    // At most one announcement a second, the last change always announced: during a burst (a province's offices
    // filing before a deadline, a hundred a second) the lists' short debounce would otherwise never settle.
    var pending = null;
    var lastAnnounced = 0;
    source.addEventListener('obligations', function () {
        if (pending) {
            return;
        }
        pending = setTimeout(function () {
            pending = null;
            lastAnnounced = Date.now();
            document.body.dispatchEvent(new CustomEvent('obligations-changed'));
        }, Math.max(0, 1000 - (Date.now() - lastAnnounced)));
    });
})();

// A live list that holds forms (data-refresh-untouched) refreshes only while nothing is being typed in it, so that no
// half-written answer is lost. Checked here rather than in an hx-trigger filter, which htmx would have to eval.
document.addEventListener('htmx:confirm', function (event) {
    var element = event.detail.elt;
    if (!element.hasAttribute('data-refresh-untouched')) {
        return;
    }
    var typing = element.contains(document.activeElement) && document.activeElement.matches('input, textarea, select');
    var written = Array.prototype.some.call(element.querySelectorAll('textarea, input[type=text], input:not([type])'),
        function (field) { return field.value.trim() !== ''; });
    if (typing || written) {
        event.preventDefault();
    }
});

// Countdowns to deadlines: rows carry data-due and data-remind (epoch milliseconds, server time); a row turns amber
// once the reminder time has passed and red when overdue. The server's clock is the reference.
(function () {
    var offset = 0;
    var clockElement = document.querySelector('[data-server-now]');
    if (clockElement) {
        offset = parseInt(clockElement.dataset.serverNow, 10) - Date.now();
    }
    function pad(n) {
        return n < 10 ? '0' + n : String(n);
    }
    function format(ms) {
        var total = Math.floor(Math.abs(ms) / 1000);
        var days = Math.floor(total / 86400);
        var hours = Math.floor((total % 86400) / 3600);
        var minutes = Math.floor((total % 3600) / 60);
        var seconds = total % 60;
        return (days > 0 ? days + ' 天 ' : '') + pad(hours) + ':' + pad(minutes) + ':' + pad(seconds);
    }
    function tick() {
        var now = Date.now() + offset;
        document.querySelectorAll('[data-due]').forEach(function (row) {
            var due = parseInt(row.dataset.due, 10);
            var remind = row.dataset.remind ? parseInt(row.dataset.remind, 10) : null;
            var label = row.querySelector('.countdown');
            row.classList.remove('due-normal', 'due-soon', 'due-over');
            if (now >= due) {
                row.classList.add('due-over');
                if (label) { label.textContent = '已逾期 ' + format(now - due); }
            } else {
                row.classList.add(remind !== null && now >= remind ? 'due-soon' : 'due-normal');
                if (label) { label.textContent = '剩余 ' + format(due - now); }
            }
        });
    }
    tick();
    setInterval(tick, 1000);
    document.body.addEventListener('htmx:afterSwap', tick);
})();
// Roster: drag a name from the staff list onto a position to assign it.
document.addEventListener('dragstart', function (event) {
    var chip = event.target.closest && event.target.closest('.staff-chip[draggable="true"]');
    if (chip) {
        event.dataTransfer.setData('text/plain', chip.dataset.personId);
    }
});
document.addEventListener('dragover', function (event) {
    var slot = event.target.closest && event.target.closest('.roster-grid .slot select');
    if (slot) {
        event.preventDefault();
        slot.parentElement.classList.add('drop-target');
    }
});
document.addEventListener('dragleave', function (event) {
    var slot = event.target.closest && event.target.closest('.roster-grid .slot');
    if (slot) {
        slot.classList.remove('drop-target');
    }
});
document.addEventListener('drop', function (event) {
    var slot = event.target.closest && event.target.closest('.roster-grid .slot');
    var select = slot && slot.querySelector('select');
    if (!select) {
        return;
    }
    event.preventDefault();
    slot.classList.remove('drop-target');
    htmx.ajax('POST', select.getAttribute('hx-post'), {target: '#workspace', swap: 'outerHTML',
        values: {personId: event.dataTransfer.getData('text/plain')}});
});
// A message about the page as it was (e.g. why publishing was refused) goes once the page has changed.
document.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('.alert.flash').forEach(function (alert) {
        alert.remove();
    });
});
// A choice that needs nothing more (data-autosubmit) is sent at once: a file chosen for import (one click to pick, no
// separate button and no browser-language widget), a holiday picked to look at.
document.addEventListener('change', function (event) {
    var field = event.target;
    if (field.matches('[data-autosubmit]') && !(field.type === 'file' && field.files.length === 0)) {
        field.form.submit();
    }
});
// Duty log: Ctrl+Enter saves from any field, so a call is logged without reaching for the mouse.
document.addEventListener('keydown', function (event) {
    var form = event.target.closest && event.target.closest('#entry-form');
    if (form && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
    }
});
// Behaviour the templates used to write as inline handlers, which the page's policy refuses: buttons that print the
// page or go back, an address that selects itself for copying.
document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
        window.print();
    } else if (event.target.closest('[data-history-back]')) {
        window.history.back();
    }
});
document.addEventListener('focusin', function (event) {
    if (event.target.matches('[data-select-on-focus]')) {
        event.target.select();
    }
});

// Every text with a limit shows how much of it is used while it is typed, not only after the form is refused.
(function () {
    function count(field) {
        var counter = field.zbCounter;
        var used = field.value.length;
        var max = field.maxLength;
        counter.textContent = used + ' / ' + max + ' 字';
        counter.classList.toggle('zb-counter-full', used >= max);
    }
    function attach(root) {
        root.querySelectorAll('textarea[maxlength], input[maxlength]:not([type=hidden]):not([type=password])')
            .forEach(function (field) {
                if (field.zbCounter || field.maxLength < 20) {
                    return;
                }
                var counter = document.createElement('div');
                counter.className = 'form-text zb-counter';
                counter.id = (field.id || field.name) + '-counter';
                field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' '
                    + counter.id).trim());
                field.zbCounter = counter;
                // After the field's error, so that "#field + .invalid-feedback" stays the field's own message.
                var next = field.nextElementSibling;
                var anchor = next && next.classList.contains('invalid-feedback') ? next : field;
                anchor.insertAdjacentElement('afterend', counter);
                count(field);
                field.addEventListener('input', function () { count(field); });
            });
    }
    document.addEventListener('DOMContentLoaded', function () { attach(document); });
    document.addEventListener('htmx:load', function (event) { attach(event.detail.elt); });
})();

// A status chip explains itself: its title shows on hover, and on a phone on a tap (the chip takes the focus).
(function () {
    function explain(root) {
        if (!window.bootstrap) {
            return;
        }
        root.querySelectorAll('.badge[title], .staff-chip[title]').forEach(function (chip) {
            if (chip.hasAttribute('tabindex') || chip.closest('a, button')) {
                return;
            }
            chip.setAttribute('tabindex', '0');
            new bootstrap.Tooltip(chip, {trigger: 'hover focus'});
        });
    }
    document.addEventListener('DOMContentLoaded', function () { explain(document); });
    document.addEventListener('htmx:load', function (event) { explain(event.detail.elt); });
})();
// The roll call's sheet: a digit marks the current unit with that result and sends it; Q, W and E untick what was
// not found there; the arrows choose another unit. Typing in a field is left alone.
(function () {
    var sheet = document.querySelector('[data-call-sheet="live"]');
    if (!sheet) {
        return;
    }
    var rows = Array.prototype.slice.call(sheet.querySelectorAll('tbody tr'));
    var current = sheet.querySelector('tr.current') || rows[0];
    function choose(row) {
        if (current) {
            current.classList.remove('table-primary', 'current');
            current.removeAttribute('aria-current');
        }
        current = row;
        current.classList.add('table-primary', 'current');
        current.setAttribute('aria-current', 'true');
        current.scrollIntoView({block: 'nearest'});
    }
    if (current) {
        choose(current);
    }
    document.addEventListener('keydown', function (event) {
        var typing = event.target.closest && event.target.closest('input[type=text], input:not([type]), textarea, select');
        if (typing || event.ctrlKey || event.metaKey || event.altKey || !current) {
            return;
        }
        var form = current.querySelector('.mark-form');
        var index = rows.indexOf(current);
        if (event.key >= '1' && event.key <= '7' && form) {
            var select = form.querySelector('select[name=result]');
            select.selectedIndex = parseInt(event.key, 10) - 1;
            event.preventDefault();
            form.submit();
        } else if (['q', 'w', 'e'].indexOf(event.key.toLowerCase()) >= 0 && form) {
            var box = form.querySelector('[data-key="' + event.key.toLowerCase() + '"]');
            box.checked = !box.checked;
            event.preventDefault();
        } else if (event.key === 'ArrowDown' && index < rows.length - 1) {
            choose(rows[index + 1]);
            event.preventDefault();
        } else if (event.key === 'ArrowUp' && index > 0) {
            choose(rows[index - 1]);
            event.preventDefault();
        }
    });
})();
