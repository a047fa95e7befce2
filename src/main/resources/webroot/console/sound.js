// A short two-tone beep for a new offer, made with WebAudio (no sound file).

let context;

/** Browsers allow sound only after a user gesture: call this from one (login, a click). */
export function unlockSound() {
  try {
    context = context || new AudioContext();
    if (context.state === 'suspended') context.resume();
  } catch (e) {
    context = null;
  }
}

export function beep() {
  if (!context) return;
  const start = context.currentTime;
  [0, 0.22].forEach((offset, i) => {
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.type = 'sine';
    tone.frequency.value = i === 0 ? 880 : 660;
    volume.gain.setValueAtTime(0.0001, start + offset);
    volume.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    tone.connect(volume).connect(context.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.2);
  });
}
