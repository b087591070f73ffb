// Follows a running import through the server-sent events of its progress: the bar moves as rows are applied, and
// the page is shown again, with what the import did, once it is finished.
document.querySelectorAll('[data-events]').forEach(section => {
  const events = new EventSource(section.dataset.events);
  const bar = section.querySelector('progress');
  events.addEventListener('progress', event => {
    const progress = JSON.parse(event.data);
    if (bar) {
      bar.value = progress.percent;
      bar.textContent = progress.percent + ' %';
    }
    if (progress.status === 'FINISHED') {
      events.close();
      window.location.reload();
    }
  });
});
