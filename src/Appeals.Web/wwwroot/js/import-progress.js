// Polls the import job's status and moves the bar; reloads the page once the job is finished.
(function () {
    const box = document.getElementById('import-progress');
    if (!box) return;
    const bar = document.getElementById('import-bar');
    async function poll() {
        const response = await fetch(box.dataset.statusUrl, { credentials: 'same-origin' });
        if (!response.ok) return;
        const status = await response.json();
        bar.style.width = status.percent + '%';
        bar.textContent = status.percent + ' %';
        box.setAttribute('aria-valuenow', status.percent);
        const files = document.getElementById('import-files');
        if (files && status.state === 'running') files.textContent = 'Importing: ' + status.filesDone + ' of ' + status.files + ' file(s) done…';
        if (status.state === 'done' || status.state === 'failed') window.location.reload();
        else setTimeout(poll, 700);
    }
    poll();
})();
