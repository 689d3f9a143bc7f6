// Skip link: Blazor handles same-page fragment links itself and scrolls, but does not move keyboard focus
// as a browser would; move it to the target (main, tabindex="-1") so the next Tab continues from there.
document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) return;
    var id = (link.getAttribute('href') || '').split('#')[1];
    var target = id ? document.getElementById(id) : null;
    if (target) target.focus();
});
