import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: ({ height }: { height: number }) => height,
  },
  path: {
    fill: '#7df3e1',
  },
});

/**
 * A sidebar logo: one SVG path in the logo colour, `height` pixels high. The full logo and the
 * icon of the collapsed sidebar differ only in their drawing and height.
 */
export const LogoSvg = (props: {
  height: number;
  viewBox: string;
  path: string;
}) => {
  const classes = useStyles({ height: props.height });

  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={props.viewBox}
    >
      <path className={classes.path} d={props.path} />
    </svg>
  );
};
