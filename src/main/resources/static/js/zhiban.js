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
