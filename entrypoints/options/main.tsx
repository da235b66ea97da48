import { render } from 'preact';
import { Options } from '../../components/Options';
import '../moments/moments.css';
import './options.css';

render(<Options />, document.getElementById('app')!);
